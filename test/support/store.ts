import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { defaultStoreBinaryPath, startEmbeddedStore, type EmbeddedStore } from '../../storage/embedded-store';

/** A real embedded store on its own temporary directory, removed by `stop()`. */
export interface TestStore {
  /** Changes after `restart()`: the store comes back on a new free port. */
  readonly uri: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Stops the store and deletes its directory. Safe to call more than once. */
  stop(): Promise<void>;
  /** Stops the store and starts it again on the same files. */
  restart(): Promise<void>;
}

export async function startTestStore(): Promise<TestStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-store-'));
  const start = () => startEmbeddedStore({ binaryPath: defaultStoreBinaryPath(), dataDir });
  let current: EmbeddedStore;
  try {
    current = await start();
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    get uri() {
      return current.uri;
    },
    get pid() {
      return current.pid;
    },
    dataDir,
    async stop() {
      await current.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await current.stop();
      current = await start();
    },
  };
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
