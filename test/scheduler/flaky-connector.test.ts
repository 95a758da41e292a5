import type { RunningService } from '../../app/start-service';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { postReferral } from '../support/intake';
import { noticesInThread } from '../support/notices';
import { SAMPLE_CUSTOMER, sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { teamsClient } from '../support/teams-client';

const START = new Date('2026-11-02T00:00:00Z');
const HOUR = 3600_000;

/**
 * Teams refusing 40% of all requests (502/503/504): a notice whose send fails stays decided and is sent
 * on a later tick, still exactly once, by whichever of the two workers gets there.
 */
describe('the scheduler with a connector that fails 40% of the time', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  let now = START;
  let a: RunningService;
  let b: RunningService;

  const noticesFor = (referralId: string) => noticesInThread(peer, referralId, SAMPLE_CUSTOMER);

  beforeAll(async () => {
    store = await startTestStore();
    peer = await startConnectorPeer({ faults: { rate5xx: 0.4, seed: 11 } });
    a = await startTestService(store.uri, { local: true, clock: () => now, database: 'flaky' });
    b = await startTestService(store.uri, { local: true, clock: () => now, database: 'flaky' });
    await teamsClient(a.url, peer.url).installInTeam();
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await peer?.close();
    await store?.stop();
  });

  it('still sends every notice exactly once, in order', async () => {
    const ids: string[] = [];
    for (const key of ['f-1', 'f-2', 'f-3', 'f-4']) {
      ids.push((await postReferral(a, sampleReferralJson(key))).id);
      await a.idle();
    }
    const until = new Date(START.getTime() + 15 * 24 * HOUR);
    while (now < until) {
      now = new Date(now.getTime() + HOUR);
      await Promise.all([a.scheduler.tick(now), b.scheduler.tick(now)]);
    }
    await Promise.all([a.idle(), b.idle()]);

    const replyAttempts = peer.received.filter(
      (r) => r.method === 'POST' && /\/activities\/[^/]+$/.test(r.path),
    ).length;
    // Some notices were refused at least once, and sent on a later tick.
    expect(replyAttempts).toBeGreaterThan(peer.replies.length);
    expect(ids.map(noticesFor)).toEqual(ids.map(() => ['reminder', 'warning', 'expiry']));
  }, 120_000);
});
