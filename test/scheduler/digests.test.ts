import type { RunningService } from '../../app/start-service';
import { t } from '../../i18n/catalogue';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestService } from '../support/service';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';
import { cardText, DANA, GENERAL, teamsClient } from '../support/teams-client';

const START = new Date('2026-11-02T00:30:00Z');
const HOUR = 3600_000;

describe('digests', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  let now = START;
  let a: RunningService;
  let b: RunningService;
  let teams: ReturnType<typeof teamsClient>;
  const digestsInChannel = () =>
    peer.messages.filter(
      (m) => m.conversationId === GENERAL.id && cardText(m.activity).includes(t('en', 'digest.title')),
    );

  beforeAll(async () => {
    store = await startTestStore();
  });
  // Each spec gets two instances on a database of their own, a channel with one referral, and the clock at START.
  beforeEach(async () => {
    now = START;
    peer = await startConnectorPeer();
    const database = freshDatabase('digests');
    a = await startTestService(store.uri, { local: true, clock: () => now, database });
    b = await startTestService(store.uri, { local: true, clock: () => now, database });
    teams = teamsClient(a.url, peer.url);
    await teams.installInTeam();
    expect((await postReferral(a, sampleReferralJson('digest-1'))).status).toBe(201);
  });
  afterEach(async () => {
    await a?.stop();
    await b?.stop();
    await peer?.close();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('answers `digest` with a digest card now', async () => {
    await teams.sayInChannel(DANA, 'digest');
    await peer.waitFor(() => peer.cards().some((c) => cardText(c).includes(t('en', 'digest.title'))));
    const card = peer.cards().find((c) => cardText(c).includes(t('en', 'digest.title')));
    expect(cardText(card)).toContain(t('en', 'digest.awaiting'));
  });

  it('sends a subscribed daily digest once a day, with two workers ticking, until it is turned off', async () => {
    await teams.sayInChannel(DANA, 'digest daily 08:00 UTC');
    await peer.waitFor(() => peer.texts().some((text) => text.includes('08:00')));
    for (let hour = 1; hour <= 72; hour++) {
      now = new Date(START.getTime() + hour * HOUR);
      await Promise.all([a.scheduler.tick(now), b.scheduler.tick(now)]);
    }
    expect(digestsInChannel()).toHaveLength(3);

    await teams.sayInChannel(DANA, 'digest off');
    await peer.waitFor(() => peer.texts().some((text) => text === t('en', 'digest.off')));
    for (let hour = 73; hour <= 100; hour++) {
      now = new Date(START.getTime() + hour * HOUR);
      await Promise.all([a.scheduler.tick(now), b.scheduler.tick(now)]);
    }
    expect(digestsInChannel()).toHaveLength(3);
  }, 60_000);
});
