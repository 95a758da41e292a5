import { conversations, type Conversation } from '../../storage/conversations';
import { ensureIndexes } from '../../storage/indexes';
import { connectStore, type StoreConnection } from '../../storage/mongo';
import { freshDatabase, startTestStore, type TestStore } from '../support/store';

describe('conversations: the list of channels, kept a few seconds', () => {
  let store: TestStore;
  let connection: StoreConnection;
  const channel = (id: string, teamId: string): Conversation => ({
    id,
    kind: 'channel',
    serviceUrl: 'https://smba.example/',
    teamId,
    channelId: id,
    channelName: `Channel ${id}`,
    botId: 'bot',
    installedAt: new Date('2026-12-01T09:00:00Z'),
  });
  const listed = async (of: ReturnType<typeof conversations>) =>
    (await of.listChannels()).map((c) => c.id).sort();

  beforeAll(async () => {
    store = await startTestStore();
  });
  beforeEach(async () => {
    connection = await connectStore(store.uri, freshDatabase('conversations'), 5000);
    await ensureIndexes(connection.db);
  });
  afterEach(async () => {
    await connection?.close();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it('lists what this instance saved or removed at once, though the list was read just before', async () => {
    const mine = conversations(connection.db);
    await mine.save(channel('19:a', 'team-1'));
    expect(await listed(mine)).toEqual(['19:a']);
    await mine.save(channel('19:b', 'team-2'));
    expect(await listed(mine)).toEqual(['19:a', '19:b']);
    await mine.save({ ...channel('19:a', 'team-1'), channelName: 'Renamed' });
    expect((await mine.listChannels()).find((c) => c.id === '19:a')?.channelName).toBe('Renamed');
    await mine.forget('19:a');
    expect(await listed(mine)).toEqual(['19:b']);
    await mine.forgetTeam('team-2');
    expect(await listed(mine)).toEqual([]);
  });

  it('reuses the list read a moment ago: a channel another instance saves since is not in it yet, a fresh read has it', async () => {
    const mine = conversations(connection.db);
    const theirs = conversations(connection.db);
    expect(await listed(mine)).toEqual([]);
    await theirs.save(channel('19:c', 'team-3'));
    expect(await listed(mine)).toEqual([]);
    expect(await listed(conversations(connection.db))).toEqual(['19:c']);
  });
});
