import { adaptiveCardActivity, ConnectorError, createConnectorClient } from '../../outbound/connector-client';
import { createPacedSender, type PacedSender } from '../../outbound/paced-sender';
import { createPostOnce, type PostOutcome } from '../../outbound/post-once';
import {
  postedMessages,
  ensurePostedMessageIndexes,
  type PostedMessages,
} from '../../storage/posted-messages';
import { connectStore } from '../../storage/mongo';
import { startConnectorPeer, type ConnectorPeer } from '../support/connector-peer';
import { startTestStore, type TestStore } from '../support/store';

const NOW = new Date('2026-11-25T01:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const channel = (n: number) => `19:channel-${n}@thread.tacv2`;
const card = (key: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: key }],
});
const yieldTurn = () => new Promise((done) => setImmediate(done));

/** One service instance: its own MongoClient and sender. Its clock only moves when the sender sleeps. */
async function instance(uri: string) {
  const connection = await connectStore(uri, 'post-once-test', 5000);
  await ensurePostedMessageIndexes(connection.db);
  let nowMs = NOW.getTime();
  const waits: number[] = [];
  const sender = createPacedSender({
    windows: [],
    now: () => nowMs,
    sleep: async (ms) => {
      waits.push(ms);
      await yieldTurn();
      nowMs += ms;
    },
  });
  const store = postedMessages(connection.db);
  return { connection, sender, store, posts: createPostOnce(store, () => new Date(nowMs)), waits };
}
type Instance = Awaited<ReturnType<typeof instance>>;

describe('posting exactly once', () => {
  let testStore: TestStore;
  let peer: ConnectorPeer;
  let a: Instance;
  let b: Instance;
  const connector = createConnectorClient();
  const landed = (key: string) => peer.cards().filter((c) => JSON.stringify(c).includes(`"${key}"`)).length;
  const postThread = (sender: PacedSender, key: string, channelId = channel(0)) =>
    sender.send(channelId, () =>
      connector.createChannelThread(peer.url, { tenantId: 't', channelId }, adaptiveCardActivity(card(key))),
    );

  beforeAll(async () => {
    testStore = await startTestStore();
    peer = await startConnectorPeer({
      faults: { rate429: 0.15, rate5xx: 0.15, retryAfterSeconds: 1, seed: 7 },
    });
    [a, b] = [await instance(testStore.uri), await instance(testStore.uri)];
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      await i?.sender.stop();
      await i?.connection.close();
    }
    await peer?.close();
    await testStore?.stop();
  });

  it('lands each of 50 cards once through 30 % faults, with 20 callers on two instances asking for each card', async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `referral-card:r${i}`);
    // Four callers per card, two on each instance, queued side by side so they overlap.
    const calls = keys.flatMap((key, k) => [0, 1, 2, 3].map((caller) => ({ key, k, caller })));
    const outcomes = new Map<string, PostOutcome[]>();
    const post = async ({ key, k, caller }: (typeof calls)[number]) => {
      const { posts, sender } = caller % 2 ? a : b;
      // Like the card sweep and the scheduler: ask again until it is done.
      for (;;) {
        const outcome = await posts.postOnce({
          key,
          now: NOW,
          send: () => postThread(sender, key, channel(k % 5)),
        });
        if (outcome.status === 'sent' || outcome.status === 'already-sent') {
          outcomes.set(key, [...(outcomes.get(key) ?? []), outcome]);
          return;
        }
        // In flight elsewhere: look again shortly, as the next sweep tick would.
        await new Promise((done) => setTimeout(done, 5));
      }
    };
    const queue = [...calls];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let call = queue.shift(); call; call = queue.shift()) await post(call);
      }),
    );

    expect(peer.faulted).toBeGreaterThan(10);
    expect(peer.threads).toHaveLength(50);
    for (const key of keys) {
      expect(landed(key)).toBe(1);
      const told = outcomes.get(key)!;
      expect(told.filter((o) => o.status === 'sent')).toHaveLength(1);
      // Every caller learns the same thread.
      expect(new Set(told.map((o) => ('activityId' in o ? o.activityId : '')))).toHaveProperty('size', 1);
    }
    // Teams asked for a second's pause at each 429, and no retry after one came sooner.
    expect([...a.waits, ...b.waits].filter((ms) => ms >= 1000).length).toBeGreaterThan(0);
  }, 60_000);

  it('completes a post whose sender died after recording its intent, once its lease ran out, exactly once', async () => {
    const key = 'notice:died-after-intent';
    // The process "died" right after the intent insert: nothing was sent.
    expect(await a.store.claimFirst(key, later(60_000), NOW)).toBe(true);
    const callers = [a, b, a, b, a, b];
    const ask = (at: Date) =>
      Promise.all(
        callers.map((i) => i.posts.postOnce({ key, now: at, send: () => postThread(i.sender, key) })),
      );

    expect(await ask(later(30_000))).toEqual(callers.map(() => ({ status: 'in-flight' })));
    expect(landed(key)).toBe(0);
    let outcomes: PostOutcome[] = [];
    for (let round = 0; !outcomes.some((o) => o.status === 'sent'); round++) {
      outcomes = await ask(later(61_000 + round));
      expect(outcomes.filter((o) => o.status === 'sent').length).toBeLessThanOrEqual(1);
    }
    expect(landed(key)).toBe(1);
    expect(
      await b.posts.postOnce({ key, now: later(90_000), send: () => postThread(b.sender, key) }),
    ).toMatchObject({ status: 'already-sent' });
    expect(landed(key)).toBe(1);
  });

  it('completes a post whose taker-over died before writing anything else', async () => {
    const key = 'notice:taker-over-died';
    await a.store.claimFirst(key, later(1_000), NOW);
    expect(await b.store.claimNext(key, 2, later(60_000), later(2_000))).toBe(true);
    const send = () => postThread(a.sender, key);

    expect(await a.posts.postOnce({ key, now: later(30_000), send })).toEqual({ status: 'in-flight' });
    let outcome: PostOutcome = { status: 'in-flight' };
    while (outcome.status !== 'sent') outcome = await a.posts.postOnce({ key, now: later(61_000), send });
    expect(landed(key)).toBe(1);
    const record = await b.posts.getPost(key);
    expect(record?.state).toBe('sent');
    expect(record?.attempt).toBeGreaterThanOrEqual(3);
  });

  it('retries a refused send on the next call and keeps why the last one failed', async () => {
    const key = 'notice:refused-once';
    const refusal = new ConnectorError('POST /v3/conversations: HTTP 403', 403);
    const failed = await a.posts.postOnce({ key, now: NOW, send: async () => Promise.reject(refusal) });
    expect(failed).toEqual({ status: 'failed', error: refusal });
    expect(await b.posts.getPost(key)).toMatchObject({
      state: 'sending',
      lastError: 'POST /v3/conversations: HTTP 403',
      leaseEndsAt: NOW,
    });

    let outcome: PostOutcome = { status: 'in-flight' };
    while (outcome.status !== 'sent')
      outcome = await b.posts.postOnce({ key, now: later(1), send: () => postThread(b.sender, key) });
    expect(landed(key)).toBe(1);
    expect(await a.posts.getPost(key)).toMatchObject({ state: 'sent', activityId: outcome.activityId });
  });

  it('does not take over from a send still running in this process, however long Teams keeps it', async () => {
    const key = 'notice:slow-here';
    let finish: () => void = () => undefined;
    let sends = 0;
    const send = async () => {
      sends++;
      await new Promise<void>((done) => (finish = done));
      return { conversationId: 'c;messageid=9', activityId: '9' };
    };
    const slow = a.posts.postOnce({ key, now: NOW, leaseMs: 1_000, send });
    while (sends === 0) await yieldTurn();

    expect(await a.posts.postOnce({ key, now: later(60_000), send })).toEqual({ status: 'in-flight' });
    finish();
    expect(await slow).toMatchObject({ status: 'sent', activityId: '9' });
    expect(sends).toBe(1);
  });

  it('does not take over while a holder’s request may still land: the lease runs from when it went out', async () => {
    const key = 'notice:queued-then-sent';
    // A claimed with the usual lease, waited in Teams' pacing until just before it ran out, then sent.
    await a.store.claimFirst(key, later(300_000), NOW);
    await a.store.renewLease(key, 1, later(299_000 + 30_000));
    let sends = 0;
    const tryAt = (ms: number) =>
      createPostOnce(b.store, () => later(ms)).postOnce({
        key,
        now: later(ms),
        send: async () => (sends++, { conversationId: `${channel(0)};messageid=2`, activityId: '2' }),
      });
    expect(await tryAt(301_000)).toEqual({ status: 'in-flight' });
    expect(sends).toBe(0);
    // Once the request's own time (and as much again) has passed, A is presumed dead and B posts.
    expect(await tryAt(330_000)).toMatchObject({ status: 'sent', activityId: '2' });
    expect(sends).toBe(1);
  });

  it('does not send when another instance took over while its post waited behind a slow store', async () => {
    const key = 'notice:taken-over-while-waiting';
    let release: () => void = () => undefined;
    const waited = new Promise<void>((done) => (release = done));
    const sent: string[] = [];
    const activity = (id: string) => ({ conversationId: `${channel(0)};messageid=${id}`, activityId: id });
    // A claims with a one-second lease and waits (its renewals cannot keep up), so B finds the lease run out.
    const holder = createPostOnce(a.store, () => NOW).postOnce({
      key,
      now: NOW,
      leaseMs: 1_000,
      send: async (beforeRequest) => {
        await waited;
        await beforeRequest();
        sent.push('A');
        return activity('1');
      },
    });
    while (!(await a.store.get(key))) await yieldTurn();
    const taker = await createPostOnce(b.store, () => later(2_000)).postOnce({
      key,
      now: later(2_000),
      send: async (beforeRequest) => (await beforeRequest(), sent.push('B'), activity('2')),
    });
    expect(taker).toMatchObject({ status: 'sent', activityId: '2' });
    release();
    expect(await holder).toEqual({ status: 'in-flight' });
    expect(sent).toEqual(['B']);
    expect(await a.posts.getPost(key)).toMatchObject({ state: 'sent', activityId: '2' });
  });

  it('stands down when the holder renewed its lease between the look and the claim', async () => {
    const key = 'notice:renewed-behind-our-back';
    await a.store.claimFirst(key, later(1_000), NOW);
    // The holder's late renewal lands after the taker read the lease and before its claim.
    const racing: PostedMessages = {
      ...b.store,
      async claimNext(...args) {
        await a.store.renewLease(key, 1, later(60_000));
        return b.store.claimNext(...args);
      },
    };
    let sends = 0;
    const send = async () => (sends++, { conversationId: `${channel(0)};messageid=3`, activityId: '3' });
    expect(
      await createPostOnce(racing, () => later(2_000)).postOnce({ key, now: later(2_000), send }),
    ).toEqual({ status: 'in-flight' });
    expect(sends).toBe(0);
    // Whoever comes next waits for the holder's renewed lease too.
    expect(await b.posts.postOnce({ key, now: later(30_000), send })).toEqual({ status: 'in-flight' });
    expect(await b.posts.postOnce({ key, now: later(61_000), send })).toMatchObject({ status: 'sent' });
    expect(sends).toBe(1);
  });

  it('does not send again when the holder whose lease ran out finished while another took over', async () => {
    const key = 'notice:slow-holder';
    const slowHolder = { conversationId: `${channel(0)};messageid=1`, activityId: '1' };
    await a.store.claimFirst(key, later(1_000), NOW);
    // The slow holder's success lands between the taker-over's look at the record and its claim.
    const racing: PostedMessages = {
      ...b.store,
      async claimNext(...args) {
        await a.store.recordSent(key, 1, slowHolder, later(1_500));
        return b.store.claimNext(...args);
      },
    };
    let sends = 0;
    const outcome = await createPostOnce(racing, () => later(2_000)).postOnce({
      key,
      now: later(2_000),
      send: async () => (sends++, slowHolder),
    });
    expect(outcome).toEqual({ status: 'already-sent', ...slowHolder });
    expect(sends).toBe(0);
  });
});
