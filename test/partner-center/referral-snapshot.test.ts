import { readSnapshot } from '../../partner-center/referral-snapshot';
import { closeReasonFrom } from '../../partner-center/close-reasons';
import { partnerCenterReferralJson } from '../core/fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');

function snapshot(overrides: Record<string, unknown> = {}) {
  const read = readSnapshot({ ...partnerCenterReferralJson(), ...overrides }, NOW);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe('readSnapshot: a Partner Center referral as the desk keeps it', () => {
  it('keeps the Partner Center id, eTag and modification time beside the referral', () => {
    const read = snapshot();
    expect(read).toMatchObject({
      partnerCenterId: '4111fffc-f9ee-4d53-bba6-569135228642',
      eTag: '"00006d10-0000-0000-0000-5c70aa630000"',
      modifiedAt: new Date('2026-11-20T08:55:23.293Z'),
      state: { status: 'New' },
      isOutgoing: false,
    });
    expect(read.incoming).toMatchObject({
      source: 'partner-center',
      customer: { name: 'Contoso Customer Inc', address: { country: 'US' } },
      customerRequestedContact: true,
      sourceModifiedAt: new Date('2026-11-20T08:55:23.293Z'),
    });
  });

  it('reads an acceptance made in Partner Center as an engagement', () => {
    expect(snapshot({ status: 'Active', substatus: 'Accepted', externalReferenceId: 'CRM-9' }).state).toEqual(
      {
        status: 'Active',
        engagement: {
          name: 'Contoso supply chain',
          value: { amount: 50000, currency: 'USD' },
          purchase: { date: new Date('2027-03-31T00:00:00Z') },
          crmId: 'CRM-9',
        },
      },
    );
  });

  it('reads a closure with its reason', () => {
    const read = snapshot({ status: 'Closed', substatus: 'Lost', statusReason: "Customer didn't respond" });
    expect(read.state).toEqual({ status: 'Closed', substatus: 'Lost', reason: 'customer-unresponsive' });
  });

  it('refuses what the core refuses, naming the field', () => {
    const read = readSnapshot({ ...partnerCenterReferralJson(), customerProfile: {} }, NOW);
    expect(!read.ok && read.errors.map((e) => e.field)).toEqual(['customerProfile.name']);
  });
});

describe('closeReasonFrom', () => {
  it('reads our codes and Partner Center’s wording alike, and nothing else', () => {
    expect(closeReasonFrom('not-a-customer')).toBe('not-a-customer');
    expect(closeReasonFrom("Project budget isn't adequate")).toBe('budget-inadequate');
    expect(closeReasonFrom('Because')).toBeUndefined();
  });
});
