import { referralCard } from '../../cards/referral-card';
import { inertMarkdown } from '../../cards/inert-text';
import { t } from '../../i18n/catalogue';
import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { cardText } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { START, pendingReferral, startHarness, type Harness } from './harness';

// A Microsoft seller's co-sell request (Shared, SalesQualified, carrying the partner's own org id, as real ones
// do), a partner's invitation, and a marketplace lead; the seller's message is hostile on purpose.
const SELLER_NOTES = 'Customer is **ready**: <b>call</b> [the CIO](http://phish.example) today.';
const REFERRALS = {
  seller: {
    type: 'Shared',
    qualification: 'SalesQualified',
    inviteContext: { notes: SELLER_NOTES, invitedBy: { organizationId: 'own-org-id' } },
  },
  partner: {
    type: 'Independent',
    qualification: 'None',
    inviteContext: { invitedBy: { organizationId: 'fab-1', organizationName: 'Fabrikam Consulting' } },
  },
  lead: { type: 'Independent', qualification: 'Direct' },
};

describe('co-sell referrals from Partner Center', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  beforeEach(async () => {
    peer.referrals.clear();
    h = await startHarness(store.uri, peer, freshDatabase('pc-co-sell'));
    for (const [key, fields] of Object.entries(REFERRALS)) peer.put(pendingReferral(`rfi-${key}`, fields));
    expect(await h.pc.pollOnce(START)).toMatchObject({ created: 3 });
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  const cardOf = async (key: keyof typeof REFERRALS, locale: 'en' | 'ko' = 'en') => {
    const referral = await h.service.load(h.idOf(`rfi-${key}`));
    if (!referral) throw new Error(`rfi-${key} was not taken in`);
    return referralCard({ locale, timeZone: 'UTC', now: START }, referral);
  };

  it.each(['en', 'ko'] as const)(
    'names a Microsoft seller as the inviter, with their message as written (%s)',
    async (locale) => {
      const card = await cardOf('seller', locale);
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain(t(locale, 'coSell.byMicrosoft'));
      expect(text).toContain(t(locale, 'coSell.notes'));
      // Read as written, and drawn with its markup escaped and its address unlinkable.
      expect(text).toContain(SELLER_NOTES);
      expect(JSON.stringify(card)).toContain(JSON.stringify(inertMarkdown(SELLER_NOTES)).slice(1, -1));
      expect(JSON.stringify(card)).not.toContain('http://phish.example');
    },
  );

  it('names the partner organisation that invited us', async () => {
    const text = cardText(await cardOf('partner'));
    expect(text).toContain(t('en', 'coSell.byPartner', { name: 'Fabrikam Consulting' }));
    expect(text).not.toContain(t('en', 'coSell.byMicrosoft'));
  });

  it('says nothing of co-sell on a marketplace lead', async () => {
    const text = cardText(await cardOf('lead'));
    for (const key of ['coSell.byMicrosoft', 'coSell.byPartnerUnnamed', 'coSell.notes'] as const)
      expect(text).not.toContain(t('en', key));
  });
});
