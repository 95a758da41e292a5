import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { defaultStoreBinaryPath, startEmbeddedStore, type EmbeddedStore } from '../../storage/embedded-store';

/** A real embedded store on its own temporary directory, removed by `stop()`. */
export interface TestStore {
  /** Changes after `restart()` (the store comes back on a new free port), unless it has a `fixedAddress`. */
  readonly uri: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Stops the store and deletes its directory. Safe to call more than once. */
  stop(): Promise<void>;
  /** Stops the store's process and keeps its files: the store is unreachable until `restart()`. */
  stopProcess(): Promise<void>;
  /** Stops the store (if it still runs) and starts it again on the same files. */
  restart(): Promise<void>;
}

export interface TestStoreOptions {
  /**
   * Serves `uri` from a loopback relay in front of the store, so the address survives `restart()` as a MongoDB
   * server's does when it comes back: a service already connected finds the store again by itself.
   */
  fixedAddress?: boolean;
}

export async function startTestStore(options: TestStoreOptions = {}): Promise<TestStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-store-'));
  const start = () => startEmbeddedStore({ binaryPath: defaultStoreBinaryPath(), dataDir });
  let running: EmbeddedStore;
  try {
    running = await start();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const relay = options.fixedAddress
    ? await startRelay(() => running.uri).catch(async (error: unknown) => {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      })
    : undefined;
  return {
    get uri() {
      return relay?.uri ?? running.uri;
    },
    get pid() {
      return running.pid;
    },
    dataDir,
    async stop() {
      await relay?.close();
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    async stopProcess() {
      relay?.cut();
      await running.stop();
    },
    async restart() {
      relay?.cut();
      await running.stop();
      running = await start();
      relay?.resume();
    },
  };
}

interface Relay {
  uri: string;
  /**
   * Drops every connection and, until `resume()`, each new one as soon as it is accepted: the driver sees an
   * unreachable server at once, as when a server's process dies (FerretDB's own graceful stop keeps its
   * connections open for seconds while it drains).
   */
  cut(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Passes every connection on to the store `target()` names at the time it arrives. */
async function startRelay(target: () => string): Promise<Relay> {
  const sockets = new Set<Socket>();
  let isCut = false;
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const { hostname, port } = new URL(target());
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      // An error is always followed by 'close', where both ends go.
      socket.on('error', () => undefined);
      socket.once('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    uri: `mongodb://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cut() {
      isCut = true;
      for (const socket of sockets) socket.destroy();
    },
    resume() {
      isCut = false;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

let databases = 0;
/** A database name nothing else on this spec file's store has used: a spec's own, empty state. */
export function freshDatabase(prefix = 'desk'): string {
  return `${prefix}-${++databases}`;
}

/** Opens a driver client on `uri` for the length of `use`, configured as the service configures its own. */
export async function withClient<T>(uri: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 5_000,
    retryWrites: false,
    ignoreUndefined: true,
  });
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.close();
  }
}
