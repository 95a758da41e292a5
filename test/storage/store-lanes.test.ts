import { connectStore, type StoreConnection } from '../../storage/mongo';
import { createStoreLanes, type StoreLanes } from '../../storage/store-lanes';
import { startTestStore, type TestStore } from '../support/store';

describe('store lanes', () => {
  let store: TestStore;
  let connection: StoreConnection;

  beforeAll(async () => {
    store = await startTestStore();
    connection = await connectStore(store.uri, 'store-lanes-test', 5000, 4);
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  /** Runs `work` while sampling the lanes' load after every turn of the event loop; returns the samples. */
  async function sampled(lanes: StoreLanes, work: () => Promise<unknown>) {
    const samples: ReturnType<StoreLanes['load']>[] = [];
    let done = false;
    const sampling = (async () => {
      while (!done) {
        samples.push(lanes.load());
        await new Promise((next) => setImmediate(next));
      }
    })();
    try {
      await work();
    } finally {
      done = true;
      await sampling;
    }
    return samples;
  }

  const inserts = (lanes: StoreLanes, collection: string, n: number, lane: 'request' | 'background') => {
    const docs = lanes.prioritise(connection.db).collection(collection);
    const run = lane === 'request' ? lanes.asRequest : lanes.inBackground;
    return Array.from({ length: n }, (_, i) => run(() => docs.insertOne({ _id: `${lane}-${i}` as never })));
  };

  it('lets background commands through one at a time while requests are at the store, and all of them land', async () => {
    const lanes = createStoreLanes();
    const samples = await sampled(lanes, () =>
      Promise.all([...inserts(lanes, 'busy', 40, 'request'), ...inserts(lanes, 'busy', 40, 'background')]),
    );
    const whileRequests = samples.filter((sample) => sample.requests > 0);
    expect(whileRequests.length).toBeGreaterThan(0);
    expect(Math.max(...whileRequests.map((sample) => sample.background))).toBeLessThanOrEqual(1);
    expect(whileRequests.some((sample) => sample.waiting > 0)).toBe(true);
    expect(await connection.db.collection('busy').countDocuments({})).toBe(80);
    expect(lanes.load()).toEqual({ requests: 0, background: 0, waiting: 0 });
  });

  it('gives background work the whole pool when no request is waiting', async () => {
    const lanes = createStoreLanes();
    const samples = await sampled(lanes, () => Promise.all(inserts(lanes, 'quiet', 40, 'background')));
    expect(Math.max(...samples.map((sample) => sample.background))).toBeGreaterThan(1);
    expect(samples.every((sample) => sample.waiting === 0)).toBe(true);
    expect(await connection.db.collection('quiet').countDocuments({})).toBe(40);
  });

  it('treats work a request starts as the request’s, unless it is sent to the background', async () => {
    const lanes = createStoreLanes();
    const docs = lanes.prioritise(connection.db).collection('started');
    const seen: ReturnType<StoreLanes['load']>[] = [];
    await lanes.asRequest(async () => {
      const own = docs.insertOne({ _id: 'from-request' as never });
      seen.push(lanes.load());
      await own;
      await lanes.inBackground(async () => {
        const background = docs.insertOne({ _id: 'sent-to-background' as never });
        seen.push(lanes.load());
        await background;
      });
    });
    expect(seen).toEqual([
      { requests: 1, background: 0, waiting: 0 },
      { requests: 0, background: 1, waiting: 0 },
    ]);
    expect(await docs.countDocuments({})).toBe(2);
  });
});
