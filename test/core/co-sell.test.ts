import { coSellOf } from '../../core/co-sell';
import { summaryOf } from '../../core/referral-summary';
import { newReferral } from './fixtures';

describe('co-sell: Microsoft’s rule for telling a co-sell referral from a lead', () => {
  it.each([
    // type, qualification, invitedBy → who invited (undefined: not co-sell)
    ['Shared', 'SalesQualified', { organizationId: 'own-org' }, 'microsoft'],
    ['Shared', 'None', { organizationId: 'p-1', organizationName: 'Fabrikam' }, 'partner'],
    ['Independent', 'None', { organizationId: 'p-1', organizationName: 'Fabrikam' }, 'partner'],
    ['Independent', 'SalesQualified', { organizationId: 'msft' }, undefined], // a qualified lead
    ['Independent', 'MarketingQualified', { organizationId: 'msft' }, undefined],
    ['Independent', 'Direct', undefined, undefined], // a marketplace lead
    [undefined, undefined, undefined, undefined], // the generic intake, saying nothing
  ] as const)('%s + %s + %j → %s', (type, qualification, invitedBy, expected) => {
    const coSell = coSellOf({
      ...(type ? { type } : {}),
      ...(qualification ? { qualification } : {}),
      ...(invitedBy ? { inviteContext: { invitedBy } } : {}),
    });
    expect(coSell?.invitedBy.kind).toBe(expected);
  });

  it('names the inviting partner, keeps their message, and marks the summary co-sell', () => {
    const referral = newReferral({
      type: 'Shared',
      qualification: 'None',
      inviteContext: { notes: 'We need a Dynamics partner.', invitedBy: { organizationName: 'Fabrikam' } },
    });
    expect(coSellOf(referral)).toEqual({
      invitedBy: { kind: 'partner', name: 'Fabrikam' },
      notes: 'We need a Dynamics partner.',
    });
    expect(summaryOf(referral).coSell).toBe(true);
    expect(summaryOf(newReferral()).coSell).toBe(false);
  });
});
