import { connectStore, type StoreConnection } from '../../storage/mongo';
import {
  ensureScheduledNoticeIndexes,
  scheduledNotices,
  type ScheduledNotices,
} from '../../storage/scheduled-notices';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';

const NOW = new Date('2026-11-25T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const reminder = (referralId: string, decidedAt = NOW) => ({
  key: `notice:reminder:${referralId}`,
  referralId,
  kind: 'reminder' as const,
  decidedAt,
});

describe('scheduled notices store', () => {
  let store: TestStore;
  const connections: StoreConnection[] = [];
  let a: ScheduledNotices;
  let b: ScheduledNotices;

  beforeAll(async () => {
    store = await startTestStore();
    for (let i = 0; i < 2; i++) connections.push(await connectStore(store.uri, 'notices', 5000));
  });
  // Each spec sees, through both clients, a database of its own with no notice decided yet.
  beforeEach(async () => {
    const database = freshDatabase('notices');
    const [first, second] = connections.map((c) => c.client.db(database));
    await ensureScheduledNoticeIndexes(first!);
    [a, b] = [scheduledNotices(first!), scheduledNotices(second!)];
  });
  afterAll(async () => {
    for (const connection of connections) await connection.close();
    await store?.stop();
  });

  it('lets exactly one of many concurrent callers on two clients decide a notice', async () => {
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, n) => (n % 2 ? a : b).decide(reminder('r1'))),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await b.decided(['notice:reminder:r1', 'notice:reminder:other'])).toEqual(
      new Set(['notice:reminder:r1']),
    );
  });

  it('keeps a decided notice unfinished, oldest first, until it is marked done', async () => {
    await b.decide(reminder('r1'));
    await a.decide(reminder('r2', later(5)));
    await a.decide(reminder('r3', later(1)));
    expect((await b.unfinished(10)).map((n) => n.referralId)).toEqual(['r1', 'r3', 'r2']);
    await b.markDone('notice:reminder:r3', later(6));
    await b.markDone('notice:reminder:r1', later(6), true);
    expect((await a.unfinished(10)).map((n) => n.referralId)).toEqual(['r2']);
  });

  it('never decides a notice again once it is done', async () => {
    await a.decide(reminder('r2', later(5)));
    await a.decide(reminder('r3', later(1)));
    await b.markDone('notice:reminder:r3', later(6));
    expect(await a.decide(reminder('r3', later(30)))).toBe(false);
    expect(await b.decide(reminder('r3', later(30)))).toBe(false);
    expect((await a.unfinished(10)).map((n) => n.referralId)).toEqual(['r2']);
  });
});
