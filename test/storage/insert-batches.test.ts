import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { insertBatches } from '../../storage/insert-batches';
import { isStoreUnavailableError } from '../../storage/mongo';
import { startTestStore, freshDatabase, type TestStore } from '../support/store';

describe('insert batches', () => {
  let store: TestStore;
  let client: MongoClient;
  const inserts: CommandStartedEvent[] = [];

  beforeAll(async () => {
    store = await startTestStore();
    client = new MongoClient(store.uri, { maxPoolSize: 4, monitorCommands: true, retryWrites: false });
    client.on('commandStarted', (event) => {
      if (event.commandName === 'insert') inserts.push(event);
    });
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await store?.stop();
  });
  beforeEach(() => {
    inserts.length = 0;
  });

  const collection = async () => {
    const docs = client.db(freshDatabase('batches')).collection<{ _id: string; key: string }>('docs');
    await docs.createIndex({ key: 1 }, { unique: true });
    return docs;
  };

  it('sends a lone insert at once, and those arriving meanwhile together in the next command', async () => {
    const docs = await collection();
    const insert = insertBatches(docs);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => insert({ _id: `d${i}`, key: `k${i}` })),
    );
    expect(results).toEqual(Array.from({ length: 30 }, () => true));
    expect(inserts.map((command) => (command.command['documents'] as unknown[]).length)).toEqual([1, 29]);
    expect(await docs.countDocuments({})).toBe(30);
  });

  it('tells each caller whether it inserted its document, when some of a batch were there already', async () => {
    const docs = await collection();
    await docs.insertMany([
      { _id: 'd1', key: 'k1' },
      { _id: 'other', key: 'k3' },
    ]);
    inserts.length = 0;
    const insert = insertBatches(docs);
    const first = insert({ _id: 'd0', key: 'k0' });
    const rest = [1, 2, 3, 4].map((i) => insert({ _id: `d${i}`, key: `k${i}` }));
    expect(await Promise.all([first, ...rest])).toEqual([true, false, true, false, true]);
    expect(inserts).toHaveLength(2);
    expect((await docs.find({}).sort({ _id: 1 }).toArray()).map((doc) => doc._id)).toEqual([
      'd0',
      'd1',
      'd2',
      'd4',
      'other',
    ]);
  });

  it('fails only the insert the store refused, and lands the rest of its batch', async () => {
    const docs = await collection();
    const insert = insertBatches(docs, 2);
    // A key starting with `$` is refused whole by both stores: a document the store cannot take.
    const outcomes = await Promise.allSettled([
      insert({ _id: 'a', key: 'ka' }),
      insert({ _id: 'b', key: 'kb', $bad: 1 } as never),
      insert({ _id: 'c', key: 'kc' }),
      insert({ _id: 'd', key: 'kd' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((await docs.find({}).sort({ _id: 1 }).toArray()).map((doc) => doc._id)).toEqual(['a', 'c', 'd']);
  });

  it('fails every insert with the driver’s own error when the store cannot be reached, as one insert would', async () => {
    // Nothing listens on port 9: the inserts fail as the store being unreachable, which callers answer with a 503.
    const nowhere = new MongoClient('mongodb://127.0.0.1:9/?directConnection=true', {
      serverSelectionTimeoutMS: 200,
    });
    try {
      const insert = insertBatches(nowhere.db('none').collection<{ _id: string }>('docs'));
      const outcomes = await Promise.allSettled([
        insert({ _id: 'a' }),
        insert({ _id: 'b' }),
        insert({ _id: 'c' }),
      ]);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect(isStoreUnavailableError((outcome as PromiseRejectedResult).reason)).toBe(true);
      }
    } finally {
      await nowhere.close();
    }
  });
});
