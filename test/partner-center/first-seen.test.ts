import { referralCard } from '../../cards/referral-card';
import { dueNotices, firstNoticeAt } from '../../core/due-notices';
import { t } from '../../i18n/catalogue';
import { cardText } from '../support/teams-client';
import { referralEventLog } from '../../storage/referral-events';
import { elements } from '../cards/card-queries';
import { startPartnerCenterPeer, type PartnerCenterPeer } from '../support/partner-center-peer';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { pendingReferral, startHarness, START, type Harness } from './harness';

const DAY_MS = 24 * 3600_000;

/** Every Action.Execute verb on the card, in its forms too: what a person could still click. */
const verbsOn = (card: unknown) => elements(card, 'Action.Execute').map((action) => String(action['verb']));

describe('a Partner Center referral first seen after someone answered it there', () => {
  let store: TestStore;
  let peer: PartnerCenterPeer;
  let h: Harness;

  beforeAll(async () => {
    [store, peer] = await Promise.all([startTestStore(), startPartnerCenterPeer()]);
  });
  beforeEach(async () => {
    h = await startHarness(store.uri, peer, freshDatabase('pc-first-seen'));
  });
  afterEach(async () => {
    await h?.close();
  });
  afterAll(async () => {
    await peer?.close();
    await store?.stop();
  });

  const view = () => ({ locale: 'en' as const, timeZone: 'UTC', now: h.clock.now });

  it('is created Active with its engagement, offering only what an Active referral takes', async () => {
    peer.put(
      pendingReferral('rfi-first-active', {
        status: 'Active',
        substatus: 'Accepted',
        name: 'Contoso rollout',
        details: {
          ...(pendingReferral('x').details as object),
          dealValue: 42000,
          currency: 'usd',
          closingDateTime: '2027-03-01T00:00:00Z',
        },
      }),
    );
    const response = await h.postEvent(peer.signedEvent('referral-updated', 'rfi-first-active'));
    expect(response.body).toEqual({ outcome: 'created' });
    const referral = await h.service.load(h.idOf('rfi-first-active'));
    expect(referral).toMatchObject({
      status: 'Active',
      substatus: 'Accepted',
      engagement: { name: 'Contoso rollout', value: { amount: 42000, currency: 'USD' } },
    });
    expect(await h.eventCount('rfi-first-active')).toBe(1);
    const verbs = verbsOn(referralCard(view(), referral!));
    expect(verbs).not.toContain('accept');
    expect(verbs).not.toContain('decline');
    expect(verbs).toEqual(expect.arrayContaining(['won', 'lost', 'edit', 'add-contact']));
    // Nothing waits for an answer: no 24 h reminder, no expiry, whenever the scheduler looks.
    expect(dueNotices(referral!, new Date(START.getTime() + 15 * DAY_MS))).toEqual([]);
  });

  it('is archived as Closed with no button that could change it', async () => {
    peer.put(pendingReferral('rfi-first-won', { status: 'Closed', substatus: 'Won' }));
    const response = await h.postEvent(peer.signedEvent('referral-updated', 'rfi-first-won'));
    expect(response.body).toEqual({ outcome: 'created' });
    const referral = await h.service.load(h.idOf('rfi-first-won'));
    expect(referral).toMatchObject({ status: 'Closed', substatus: 'Won' });
    expect(verbsOn(referralCard(view(), referral!)).filter((verb) => verb !== 'refresh')).toEqual([]);
    const history = await referralEventLog(h.db).listUpTo(referral!.id, referral!.version);
    expect(cardText(referralCard(view(), referral!, { history }))).toContain(
      t('en', 'history.receivedAs', { when: '20 Nov, 09:00 UTC', state: t('en', 'substatus.Won') }),
    );
  });

  it('keeps Partner Center’s deadlines when its webhook comes late', async () => {
    // Created in Partner Center 20 h before the desk hears of it, with Partner Center's own expiry.
    peer.put(
      pendingReferral('rfi-late', {
        createdDateTime: '2026-11-19T13:00:00Z',
        expirationDateTime: '2026-12-02T13:00:00Z',
      }),
    );
    await h.postEvent(peer.signedEvent('referral-created', 'rfi-late'));
    const referral = (await h.service.load(h.idOf('rfi-late')))!;
    expect(referral.receivedAt).toEqual(START);
    expect(referral.respondByAt).toEqual(new Date('2026-11-20T13:00:00Z'));
    expect(referral.expiresAt).toEqual(new Date('2026-12-02T13:00:00Z'));
    const card = cardText(referralCard(view(), referral));
    expect(card).toContain(t('en', 'card.respondBy', { left: '4 h left' }));
    expect(card).toContain(t('en', 'card.createdInPartnerCenter', { when: '19 Nov, 13:00 UTC' }));
    // The scheduler's 24 h reminder falls due when Partner Center's 24 h run out, not a day after arrival.
    expect(dueNotices(referral, new Date('2026-11-20T12:59:00Z'))).toEqual([]);
    expect(dueNotices(referral, new Date('2026-11-20T13:00:00Z'))).toEqual(['reminder']);
    expect(firstNoticeAt(referral)).toEqual(new Date('2026-11-20T13:00:00Z'));
  });
});
