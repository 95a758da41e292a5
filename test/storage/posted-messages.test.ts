import {
  POST_ATTEMPTS,
  postedMessages,
  ensurePostedMessageIndexes,
  type PostedMessages,
} from '../../storage/posted-messages';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { startTestStore, type TestStore } from '../support/store';

const NOW = new Date('2026-11-25T09:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('card posts store', () => {
  let store: TestStore;
  const connections: StoreConnection[] = [];
  let a: PostedMessages;
  let b: PostedMessages;

  beforeAll(async () => {
    store = await startTestStore();
    for (let i = 0; i < 2; i++) connections.push(await connectStore(store.uri, 'card-posts-test', 5000));
    await ensurePostedMessageIndexes(connections[0]!.db);
    [a, b] = connections.map((c) => postedMessages(c.db)) as [PostedMessages, PostedMessages];
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
    await store?.stop();
  });

  it('knows nothing of a key never claimed', async () => {
    expect(await a.get('referral-card:none')).toBeUndefined();
  });

  it('lets exactly one of many concurrent callers on two clients hold the first attempt', async () => {
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, n) => (n % 2 ? a : b).claimFirst('referral-card:r1', at(60_000), NOW)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await b.get('referral-card:r1')).toEqual({
      key: 'referral-card:r1',
      state: 'sending',
      attempt: 1,
      leaseEndsAt: at(60_000),
      createdAt: NOW,
    });
  });

  it('lets exactly one caller take over each next attempt, and shows that attempt’s lease', async () => {
    await a.claimFirst('referral-card:r2', at(1_000), NOW);
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        (n % 2 ? a : b).claimNext('referral-card:r2', 2, at(120_000), at(2_000)),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await a.get('referral-card:r2')).toMatchObject({
      state: 'sending',
      attempt: 2,
      leaseEndsAt: at(120_000),
    });
  });

  it('ends a failed attempt’s lease when it failed and says why', async () => {
    await a.claimFirst('referral-card:r3', at(60_000), NOW);
    await a.recordFailed('referral-card:r3', 1, 'HTTP 403 Forbidden', at(500));
    expect(await b.get('referral-card:r3')).toMatchObject({
      state: 'sending',
      attempt: 1,
      leaseEndsAt: at(500),
      lastError: 'HTTP 403 Forbidden',
    });
  });

  it('does not let a holder that lost its lease release its successor’s', async () => {
    await a.claimFirst('referral-card:r4', at(1_000), NOW);
    await b.claimNext('referral-card:r4', 2, at(120_000), at(2_000));
    await a.recordFailed('referral-card:r4', 1, 'timeout', at(3_000));
    expect(await a.get('referral-card:r4')).toMatchObject({ attempt: 2, leaseEndsAt: at(120_000) });
  });

  it('remembers where the post landed', async () => {
    await a.claimFirst('referral-card:r5', at(60_000), NOW);
    await a.recordSent(
      'referral-card:r5',
      1,
      { conversationId: '19:x@thread.tacv2;messageid=7', activityId: '7' },
      at(800),
    );
    expect(await b.get('referral-card:r5')).toMatchObject({
      state: 'sent',
      conversationId: '19:x@thread.tacv2;messageid=7',
      activityId: '7',
      sentAt: at(800),
    });
  });

  it('names the post recorded last when a holder that lost its lease lands one too, and stays sent', async () => {
    await a.claimFirst('referral-card:r6', at(1_000), NOW);
    await b.claimNext('referral-card:r6', 2, at(120_000), at(2_000));
    await b.recordSent(
      'referral-card:r6',
      2,
      { conversationId: 'c;messageid=2', activityId: '2' },
      at(2_500),
    );
    await a.recordSent(
      'referral-card:r6',
      1,
      { conversationId: 'c;messageid=1', activityId: '1' },
      at(3_000),
    );
    expect(await a.get('referral-card:r6')).toMatchObject({ state: 'sent', attempt: 1, activityId: '1' });
  });

  it('keeps (key, attempt) unique by index, and creating the index twice is harmless', async () => {
    await ensurePostedMessageIndexes(connections[1]!.db);
    const indexes = await connections[0]!.db.collection(POST_ATTEMPTS).listIndexes().toArray();
    expect(indexes.find((index) => index['name'] === 'key_attempt_unique')).toMatchObject({
      key: { key: 1, attempt: 1 },
      unique: true,
    });
  });
});
