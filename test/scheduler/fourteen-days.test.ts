import type { RunningService } from '../../app/start-service';
import { t } from '../../i18n/catalogue';
import { scheduledNotices } from '../../storage/scheduled-notices';
import { dana } from '../core/fixtures';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { postReferral } from '../support/intake';
import { noticesInThread } from '../support/notices';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { cardText, teamsClient } from '../support/teams-client';

const START = new Date('2026-11-02T00:00:00Z');
const HOUR = 3600_000;
const ACCEPT = {
  type: 'accept' as const,
  input: { engagementName: 'E', value: '1', currency: 'USD', purchaseTimeframe: '1-3-months' },
};

/**
 * Two service instances (two MongoClients) on one store, one fake clock, and a connector peer. Referrals arrive
 * through intake; the two schedulers tick concurrently; the peer shows what Teams would have seen.
 */
describe('the scheduler over simulated days', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  let now = START;
  let a: RunningService;
  let b: RunningService;

  const receive = async (key: string, overrides: Record<string, unknown> = {}) => {
    const { id } = await postReferral(a, sampleReferralJson(key, overrides));
    // The card goes out in the background; let it land before the fake clock jumps ahead of its lease.
    await a.idle();
    return id;
  };
  /** Ticks both workers at once every `stepHours` until `until`. */
  const run = async (until: Date, stepHours: number) => {
    while (now < until) {
      now = new Date(Math.min(until.getTime(), now.getTime() + stepHours * HOUR));
      await Promise.all([a.scheduler.tick(now), b.scheduler.tick(now)]);
    }
    await Promise.all([a.idle(), b.idle()]);
  };
  /** The notices in each referral's thread, by kind, in order. */
  const noticesFor = (referralId: string) => noticesInThread(peer, referralId, SAMPLE_CUSTOMER);

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    now = START;
    peer = await startConnectorPeer();
    const database = freshDatabase('sched');
    a = await startTestService(store.uri, { local: true, clock: () => now, database });
    b = await startTestService(store.uri, { local: true, clock: () => now, database });
    await teamsClient(a.url, peer.url).installInTeam();
  });
  afterEach(async () => {
    await a?.stop();
    await b?.stop();
    await peer?.close();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('sends each notice once, in order, and none for answered referrals, over 14 days with two workers', async () => {
    const answered = await receive('s-answered');
    const never = await receive('s-never');
    const contactMe = await receive('s-contact', {
      details: { ...(sampleReferralJson('x')['details'] as object), customerRequestedContact: true },
    });
    const acceptedDay3 = await receive('s-day3');
    await a.referrals.apply(answered, ACCEPT, dana);

    await run(new Date(START.getTime() + 3 * 24 * HOUR), 0.5);
    await a.referrals.apply(acceptedDay3, ACCEPT, dana);
    const flameRedraws = peer.updates.filter(
      (u) => u.activityId === peer.threadsWith(contactMe)[0]?.activityId,
    );
    expect(flameRedraws.length).toBeGreaterThanOrEqual(1);
    expect(cardText(flameRedraws.at(-1)?.activity)).toContain(
      t('en', 'flame.late.text', { ago: '3 days ago' }),
    );
    await run(new Date(START.getTime() + 14 * 24 * HOUR + HOUR), 0.5);

    expect(noticesFor(answered)).toEqual([]);
    expect(noticesFor(acceptedDay3)).toEqual(['reminder']);
    expect(noticesFor(never)).toEqual(['reminder', 'warning', 'expiry']);
    expect(noticesFor(contactMe)).toEqual(['reminder', 'warning', 'expiry']);
    expect(await a.referrals.load(never)).toMatchObject({ status: 'Closed', substatus: 'Expired' });
    // The card flipped to Expired for everyone.
    const neverThread = peer.threadsWith(never)[0]!;
    expect(
      cardText(peer.updates.filter((u) => u.activityId === neverThread.activityId).at(-1)?.activity),
    ).toContain(t('en', 'substatus.Expired'));
  }, 120_000);

  it('after being down from day 1 to day 16, sends only the expiry, once per referral', async () => {
    const ids = [await receive('d-1'), await receive('d-2')];
    await run(new Date(START.getTime() + 12 * HOUR), 1);
    expect(ids.map(noticesFor)).toEqual([[], []]);
    now = new Date(START.getTime() + 16 * 24 * HOUR);
    await run(new Date(now.getTime() + 2 * HOUR), 1);
    expect(ids.map(noticesFor)).toEqual([['expiry'], ['expiry']]);
  }, 60_000);

  it('finishes a notice whose worker died between deciding and sending', async () => {
    const id = await receive('k-1');
    now = new Date(START.getTime() + 25 * HOUR);
    // Worker A decides the reminder, then "dies" before sending: its decision is in the store, nothing in Teams.
    const decided = await scheduledNotices(a.store.db).decide({
      key: `notice:reminder:${id}`,
      referralId: id,
      kind: 'reminder',
      decidedAt: now,
    });
    expect(decided).toBe(true);
    expect(noticesFor(id)).toEqual([]);
    await run(new Date(now.getTime() + 2 * HOUR), 1);
    expect(noticesFor(id)).toEqual(['reminder']);
  }, 60_000);

  it('drops an expiry decided just before someone accepted: no notice, the referral stays Active', async () => {
    const id = await receive('race-expiry');
    now = new Date(START.getTime() + 14 * 24 * HOUR + HOUR);
    expect(
      await scheduledNotices(a.store.db).decide({
        key: `notice:expiry:${id}`,
        referralId: id,
        kind: 'expiry',
        decidedAt: now,
      }),
    ).toBe(true);
    await a.referrals.apply(id, ACCEPT, dana);
    await run(new Date(now.getTime() + 2 * HOUR), 1);
    expect(noticesFor(id)).toEqual([]);
    expect(await a.referrals.load(id)).toMatchObject({ status: 'Active' });
  }, 60_000);
});
