import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStoreBinaryPath } from '../../storage/embedded-store';
import { superviseEmbeddedStore, type SupervisedStore } from '../../storage/embedded-supervisor';
import { withClient } from '../support/store';

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('the supervised embedded store', () => {
  let dataDir: string;
  let store: SupervisedStore | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rd-supervised-'));
  });
  afterEach(async () => {
    await store?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = (options: { deadAfterMs?: number } = {}) =>
    superviseEmbeddedStore({
      binaryPath: defaultStoreBinaryPath(),
      dataDir,
      restartDelaysMs: [50, 100],
      ...options,
    });

  it('comes back on the same address with its data after the store process is killed, and the driver reconnects', async () => {
    store = await start();
    const first = store.pid()!;
    await withClient(store.uri, (client) =>
      client
        .db('t')
        .collection('c')
        .insertOne({ _id: 'kept' } as never),
    );
    process.kill(first, 'SIGKILL');
    await until(() => store!.pid() !== undefined && store!.pid() !== first);
    expect(store.isAlive()).toBe(true);
    const found = await withClient(store.uri, (client) =>
      client
        .db('t')
        .collection('c')
        .findOne({ _id: 'kept' } as never),
    );
    expect(found).toEqual({ _id: 'kept' });
  });

  it('says it is not alive once it has stayed down too long, and alive again when it is back', async () => {
    store = await start({ deadAfterMs: 300 });
    const { port } = new URL(store.uri);
    process.kill(store.pid()!, 'SIGKILL');
    // Someone else takes the port, so every restart fails until it is free again.
    let squatter: Server | undefined;
    await until(async () => {
      squatter = await new Promise<Server | undefined>((resolve) => {
        const server = createServer();
        server.once('error', () => resolve(undefined));
        server.listen(Number(port), '127.0.0.1', () => resolve(server));
      });
      return squatter !== undefined;
    });
    await until(() => !store!.isAlive());
    await new Promise<void>((resolve) => squatter!.close(() => resolve()));
    await until(() => store!.isAlive() && store!.pid() !== undefined);
    expect(await withClient(store.uri, (client) => client.db('t').command({ ping: 1 }))).toMatchObject({
      ok: 1,
    });
  });

  it('stops at once, even while it waits to restart (a wait of ten minutes would outlast the spec)', async () => {
    store = await superviseEmbeddedStore({
      binaryPath: defaultStoreBinaryPath(),
      dataDir,
      restartDelaysMs: [600_000],
    });
    process.kill(store.pid()!, 'SIGKILL');
    await until(() => store!.pid() === undefined);
    await store.stop();
    expect(store.pid()).toBeUndefined();
    store = undefined;
  });
});
