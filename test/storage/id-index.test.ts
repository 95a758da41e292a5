import type { Collection } from 'mongodb';
import { freshDatabase, startTestStore, withClient, type TestStore } from '../support/store';
import { until } from '../support/until';

/**
 * How SQLite answers a lookup by `_id`, as FerretDB's explain reports it (its EXPLAIN QUERY PLAN lines). A real
 * read goes first: an EXPLAIN alone never makes SQLite notice an index another connection added, a query does,
 * and the explain then runs on the connection that query just gave back (Go's pool reuses the latest one).
 */
async function planOf(collection: Collection<{ _id: string }>, id: string): Promise<string> {
  await collection.findOne({ _id: id });
  const explained = (await collection.find({ _id: id }).explain()) as { queryPlanner?: { Plan?: string[] } };
  return (explained.queryPlanner?.Plan ?? []).join(' | ');
}

// FerretDB v1.24 looks documents up by `_id` with an expression its own _id index does not cover, so without the
// wrapper's index every point read would scan its table (storage/embedded/id_index.go).
describe('the embedded store’s lookups by _id', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('use an index, not a scan, for a collection made after the store started', async () => {
    await withClient(store.uri, async (client) => {
      const collection = client.db(freshDatabase('id-index')).collection<{ _id: string }>('things');
      await collection.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `thing-${i}` })));
      await until(async () => (await planOf(collection, 'thing-7')).includes('USING INDEX'), true);
      const plan = await planOf(collection, 'thing-7');
      expect(plan).toMatch(/SEARCH \S+ USING INDEX \S+__referral_desk_id/);
      expect(plan).not.toMatch(/\bSCAN\b/);
      // Reads, updates and deletes by _id still find the right document.
      expect(await collection.findOne({ _id: 'thing-7' })).toEqual({ _id: 'thing-7' });
      await collection.updateOne({ _id: 'thing-8' }, { $set: { seen: true } });
      expect(await collection.findOne({ _id: 'thing-8' })).toEqual({ _id: 'thing-8', seen: true });
      await collection.deleteOne({ _id: 'thing-9' });
      expect(await collection.countDocuments()).toBe(49);
    });
  });

  it('use an index on the files of a store started again', async () => {
    const database = freshDatabase('id-index');
    await withClient(store.uri, async (client) => {
      await client
        .db(database)
        .collection('kept')
        .insertOne({ _id: 'one' } as never);
    });
    await store.restart();
    await withClient(store.uri, async (client) => {
      const plan = await planOf(client.db(database).collection<{ _id: string }>('kept'), 'one');
      expect(plan).toMatch(/USING INDEX \S+__referral_desk_id/);
    });
  });
});
