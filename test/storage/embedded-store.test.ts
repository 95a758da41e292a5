import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MongoServerError } from 'mongodb';
import { ModuleKind, transpileModule } from 'typescript';
import {
  defaultStoreBinaryPath,
  EmbeddedStoreStartError,
  startEmbeddedStore,
} from '../../storage/embedded-store';
import { startTestStore, withClient, type TestStore } from '../support/store';
import { until } from '../support/until';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const acceptsConnections = (uri: string): Promise<boolean> => {
  const { hostname, port } = new URL(uri);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const settle = (isOpen: boolean) => {
      socket.destroy();
      resolve(isOpen);
    };
    socket.once('connect', () => settle(true)).once('error', () => settle(false));
    socket.setTimeout(1_000, () => settle(false));
  });
};

describe('embedded store', () => {
  let store: TestStore;

  beforeEach(async () => {
    store = await startTestStore();
  });

  afterEach(async () => {
    await store?.stop();
  });

  it('reports a loopback mongodb URI on a free port', () => {
    expect(store.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(Number(new URL(store.uri).port)).toBeGreaterThan(0);
  });

  it('stores and returns documents through the official driver, dates included', async () => {
    const receivedAt = new Date('2025-03-01T09:30:00.123Z');
    await withClient(store.uri, async (client) => {
      const referrals = client.db('t').collection('referrals');
      await referrals.insertOne({ _id: 'r1' as never, name: 'Contoso', receivedAt });
      expect(await referrals.findOne({ _id: 'r1' as never })).toEqual({
        _id: 'r1',
        name: 'Contoso',
        receivedAt,
      });
    });
  });

  it('keeps data across a stop and a start on the same directory', async () => {
    await withClient(store.uri, (client) =>
      client.db('t').collection('referrals').insertOne({ name: 'Fabrikam' }),
    );
    await store.restart();
    const names = await withClient(store.uri, (client) =>
      client.db('t').collection('referrals').distinct('name'),
    );
    expect(names).toEqual(['Fabrikam']);
  });

  it('leaves no process behind once stopped, and stopping twice is harmless', async () => {
    const { pid } = store;
    expect(isRunning(pid)).toBe(true);
    await store.stop();
    await store.stop();
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('refuses a second insert of the same unique key with the duplicate-key code 11000', async () => {
    await withClient(store.uri, async (client) => {
      const events = client.db('t').collection('events');
      await events.createIndex({ referralId: 1, sequence: 1 }, { unique: true });
      await events.insertOne({ referralId: 'r1', sequence: 1 });
      const second = events.insertOne({ referralId: 'r1', sequence: 1 });
      await expect(second).rejects.toBeInstanceOf(MongoServerError);
      await expect(second).rejects.toMatchObject({ code: 11000 });
      expect(await events.countDocuments()).toBe(1);
    });
  });
});

describe('embedded store failures', () => {
  it('names the missing binary and says how to build it', async () => {
    const binaryPath = join(tmpdir(), 'no-such-dir', 'referral-desk-store');
    const start = startEmbeddedStore({ binaryPath, dataDir: join(tmpdir(), 'unused') });
    await expect(start).rejects.toBeInstanceOf(EmbeddedStoreStartError);
    await expect(start).rejects.toThrow(binaryPath);
    await expect(start).rejects.toThrow(/setup\.mjs.*MONGODB_URI/);
  });

  it('passes on what the store wrote to stderr when it exits before it is ready', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'rd-store-'));
    try {
      // A '?' cannot be carried in the SQLite file: URI, so the store refuses the directory and exits.
      const start = startEmbeddedStore({
        binaryPath: defaultStoreBinaryPath(),
        dataDir: join(parent, 'what?'),
      });
      await expect(start).rejects.toThrow(/exited before it was ready[\s\S]*cannot use a path containing/);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('gives up with a clear error when the store never reports its address', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-store-'));
    const silentStore = join(dir, 'silent-store');
    await writeFile(silentStore, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    try {
      const start = startEmbeddedStore({ binaryPath: silentStore, dataDir: dir, startTimeoutMs: 300 });
      await expect(start).rejects.toThrow(
        `embedded store ${silentStore} did not report its address within 300 ms`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('logs when a running store exits without being asked to', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-store-'));
    const logged: string[] = [];
    const store = await startEmbeddedStore({
      binaryPath: defaultStoreBinaryPath(),
      dataDir,
      log: (msg) => logged.push(msg),
    });
    try {
      process.kill(store.pid, 'SIGKILL');
      await until(() => logged.includes('embedded store exited unexpectedly'), true, 5_000);
    } finally {
      await store.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('does not keep a process alive when it is never stopped, and goes away with that process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-store-'));
    const source = await readFile(join(__dirname, '../../storage/embedded-store.ts'), 'utf8');
    const compiled = transpileModule(source, { compilerOptions: { module: ModuleKind.CommonJS } }).outputText;
    await writeFile(join(dir, 'embedded-store.js'), compiled);
    const script = `require(process.argv[1]).startEmbeddedStore({ binaryPath: process.argv[2], dataDir: process.argv[3] })
      .then((store) => console.log(store.uri));`;
    const parent = spawn(
      process.execPath,
      ['-e', script, join(dir, 'embedded-store.js'), defaultStoreBinaryPath(), dir],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    try {
      const [uri] = (await once(createInterface({ input: parent.stdout! }), 'line')) as [string];
      const [code] = (await once(parent, 'exit')) as [number];
      expect(code).toBe(0);
      await until(() => acceptsConnections(uri), false, 5_000);
    } finally {
      parent.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops when the process that started it dies without stopping it', async () => {
    // The guarantee startEmbeddedStore relies on: the store exits when its stdin pipe closes, which the OS does
    // for a parent that is SIGKILLed. A plain Node parent spawns it the same way.
    const dataDir = await mkdtemp(join(tmpdir(), 'rd-store-'));
    const parentScript = `
      const child = require('node:child_process').spawn(process.argv[1], ['--data-dir', process.argv[2]], { stdio: ['pipe', 'pipe', 'ignore'] });
      child.stdout.pipe(process.stdout);`;
    const parent = spawn(process.execPath, ['-e', parentScript, defaultStoreBinaryPath(), dataDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const [line] = (await once(createInterface({ input: parent.stdout! }), 'line')) as [string];
      const { uri } = JSON.parse(line) as { uri: string };
      expect(await acceptsConnections(uri)).toBe(true);
      parent.kill('SIGKILL');
      await until(() => acceptsConnections(uri), false, 5_000);
    } finally {
      parent.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
