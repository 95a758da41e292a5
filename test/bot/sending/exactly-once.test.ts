import { cardPosts, ensureCardPostIndexes } from '../../../storage/card-posts';
import { connectStore, type StoreConnection } from '../../../storage/mongo';
import {
  ConnectorError,
  createConnectorClient,
  adaptiveCardActivity,
} from '../../../bot/sending/connector-client';
import { createPacedSender, type PacedSender } from '../../../bot/sending/paced-sender';
import { createPostOnce, type PostOnce, type PostOutcome } from '../../../bot/sending/post-once';
import { startConnectorPeer, type ConnectorPeer } from '../../support/connector-peer';
import { startTestStore, type TestStore } from '../../support/store';

const CHANNEL = '19:general@thread.tacv2';
const NOW = new Date('2026-11-25T01:00:00Z');
const card = (key: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: key }],
});

/** One service instance: its own MongoClient, its own sender. Waits are recorded and shortened. */
async function instance(uri: string, waits: number[]) {
  const connection = await connectStore(uri, 'sending-test', 5000);
  await ensureCardPostIndexes(connection.db);
  const sender = createPacedSender({
    minSpacingMs: 1,
    sleep: async (ms) => {
      waits.push(ms);
      await new Promise((done) => setTimeout(done, 1));
    },
  });
  return { connection, sender, posts: createPostOnce(cardPosts(connection.db)) };
}

describe('posting cards exactly once through a flaky Bot Connector', () => {
  let store: TestStore;
  let peer: ConnectorPeer;
  const instances: { connection: StoreConnection; sender: PacedSender; posts: PostOnce }[] = [];
  const waits: number[] = [];

  beforeAll(async () => {
    store = await startTestStore();
    peer = await startConnectorPeer({
      faults: { rate429: 0.2, rate5xx: 0.2, retryAfterSeconds: 2, seed: 7 },
    });
    instances.push(await instance(store.uri, waits), await instance(store.uri, waits));
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.sender.stop();
      await i.connection.close();
    }
    await peer?.close();
    await store?.stop();
  });

  it('lands each of 50 cards exactly once with 4 callers per card on two instances, through 429s and 5xx', async () => {
    const connector = createConnectorClient();
    const keys = Array.from({ length: 50 }, (_, i) => `referral-card:r${i}`);
    const post = async (key: string, n: number): Promise<PostOutcome> => {
      const { posts, sender } = instances[n % 2]!;
      // Callers keep asking until it is done, as the card sweep and the scheduler do on every tick.
      for (;;) {
        const outcome = await posts.postOnce({
          key,
          now: NOW,
          send: () =>
            sender.send(CHANNEL, () =>
              connector.createChannelThread(
                peer.url,
                { tenantId: 't', channelId: CHANNEL },
                adaptiveCardActivity(card(key)),
              ),
            ),
        });
        if (outcome.status === 'sent' || outcome.status === 'already-sent') return outcome;
        await new Promise((done) => setTimeout(done, 5));
      }
    };
    const outcomes = await Promise.all(keys.flatMap((key) => [0, 1, 2, 3].map((n) => post(key, n))));

    expect(peer.faulted).toBeGreaterThan(10);
    for (const key of keys) {
      expect(peer.threads.filter((t) => JSON.stringify(t.activity).includes(`"${key}"`))).toHaveLength(1);
    }
    expect(peer.threads).toHaveLength(50);
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(50);
    // Every caller learns the same thread for its key.
    const byKey = new Map<string, Set<string>>();
    outcomes.forEach((o, i) => {
      const key = keys[Math.floor(i / 4)]!;
      if ('activityId' in o) byKey.set(key, (byKey.get(key) ?? new Set()).add(o.activityId));
    });
    for (const ids of byKey.values()) expect(ids.size).toBe(1);
    // Retry-After: 2 s was honoured: a 429 retry never waited less.
    expect(waits.filter((w) => w >= 2000).length).toBeGreaterThan(0);
  });

  it('completes a post whose sender crashed after recording its intent, once its lease runs out', async () => {
    const [a, b] = instances;
    const key = 'notice:crashed';
    // The first sender records its intent and never comes back: the process "died" mid-send.
    void a!.posts.postOnce({ key, now: NOW, leaseMs: 60_000, send: () => new Promise(() => undefined) });
    while ((await a!.posts.getPost(key))?.state !== 'sending')
      await new Promise((done) => setTimeout(done, 5));
    const later = new Date(NOW.getTime() + 30_000);
    const connector = createConnectorClient();
    const send = () =>
      connector.createChannelThread(
        peer.url,
        { tenantId: 't', channelId: CHANNEL },
        adaptiveCardActivity(card(key)),
      );
    expect(await b!.posts.postOnce({ key, now: later, send })).toEqual({ status: 'in-flight' });
    const afterLease = new Date(NOW.getTime() + 61_000);
    let outcome: PostOutcome = { status: 'in-flight' };
    for (let i = 0; i < 20 && outcome.status !== 'sent'; i++)
      outcome = await b!.posts.postOnce({ key, now: afterLease, send });
    expect(outcome.status).toBe('sent');
    expect(await a!.posts.postOnce({ key, now: afterLease, send })).toMatchObject({ status: 'already-sent' });
    expect(peer.threads.filter((t) => JSON.stringify(t.activity).includes(`"${key}"`))).toHaveLength(1);
  }, 20_000);

  it('does not retry what Teams refuses for good (403), and says why', async () => {
    let calls = 0;
    const sender = createPacedSender({ minSpacingMs: 1, sleep: async () => undefined });
    const refusal = sender.send('c', async () => {
      calls++;
      throw new ConnectorError('POST: HTTP 403', 403);
    });
    await expect(refusal).rejects.toMatchObject({ status: 403 });
    expect(calls).toBe(1);
    await sender.stop();
  });

  it('spaces sends to one conversation, and retries a 503 up to its limit', async () => {
    const started: number[] = [];
    const sender = createPacedSender({ minSpacingMs: 40, maxAttempts: 3, sleep: async () => undefined });
    await Promise.all(
      Array.from({ length: 5 }, () => sender.send('c', async () => started.push(performance.now()))),
    );
    for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(35);
    let attempts = 0;
    await expect(
      sender.send('d', async () => {
        attempts++;
        throw new ConnectorError('HTTP 503', 503);
      }),
    ).rejects.toMatchObject({ status: 503 });
    expect(attempts).toBe(3);
    await sender.stop();
  });
});
