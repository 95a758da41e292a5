import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running embedded store (FerretDB over SQLite, see `storage/embedded/main.go`). */
export interface EmbeddedStore {
  /** Where the official driver connects: `mongodb://127.0.0.1:<port>/`. */
  uri: string;
  pid: number;
  /** Stops the store and waits for it to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  binaryPath: string;
  /** Where the SQLite files live; created if missing. */
  dataDir: string;
  /** Receives the store's own log lines (it only writes warnings and errors). */
  log?: (msg: string, fields?: object) => void;
  /** How long to wait for the store to accept connections. */
  startTimeoutMs?: number;
  /** `host:port` to listen on; port 0 (the default) picks a free one. Loopback only. */
  listen?: string;
  /** Told when a running store exits without being asked to (it crashed, or someone killed it). */
  onUnexpectedExit?: (reason: string) => void;
}

/** The store did not start: the message names the binary and ends with what it wrote to stderr. */
export class EmbeddedStoreStartError extends Error {
  override name = 'EmbeddedStoreStartError';
}

const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_LINES = 20;

/** The binary `scripts/setup.mjs` builds, found from the repository root (works from `storage/` and `dist/storage/`). */
export function defaultStoreBinaryPath(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no package.json above ${__dirname}: cannot locate the embedded store binary`);
    dir = parent;
  }
  const name = process.platform === 'win32' ? 'referral-desk-store.exe' : 'referral-desk-store';
  return join(dir, 'storage', 'embedded', 'bin', name);
}

/**
 * Starts the embedded store on a free loopback port and resolves once it accepts connections.
 *
 * The child's stdin is a pipe that this process holds and never writes to: the store exits when that pipe closes.
 * The operating system closes it whenever this process ends, however it ends (an uncaught error, SIGKILL, an OOM
 * kill), so the store never outlives the service and never keeps its port or SQLite files locked.
 */
export function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const { binaryPath, dataDir, log = () => {}, startTimeoutMs = 30_000, listen = '127.0.0.1:0' } = options;
  const child = spawn(binaryPath, ['--data-dir', dataDir, '--listen', listen, '--log-level', 'warn'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A store nobody stopped (a start-up that threw half-way, a test that failed before its clean-up) must not keep
  // this process alive; once this process exits, the closed stdin stops the store too. While starting and
  // stopping, the timers below keep the event loop running.
  child.unref();
  for (const pipe of [child.stdin, child.stdout, child.stderr]) (pipe as unknown as Socket).unref();
  const stderrTail = forwardStderr(child, log);
  const stopper = createStopper(child);

  return new Promise<EmbeddedStore>((resolve, reject) => {
    let isSettled = false;
    const fail = (reason: string) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(startTimer);
      const tail = stderrTail.length ? `\n--- stderr ---\n${stderrTail.join('\n')}` : '';
      reject(new EmbeddedStoreStartError(`embedded store ${binaryPath} ${reason}${tail}`));
      void stopper.stop();
    };
    const startTimer = setTimeout(
      () => fail(`did not report its address within ${startTimeoutMs} ms`),
      startTimeoutMs,
    );

    child.once('error', (error: NodeJS.ErrnoException) => {
      const hint =
        'build it with `node scripts/setup.mjs` (needs Go) or set MONGODB_URI to use another MongoDB';
      fail(error.code === 'ENOENT' ? `was not found: ${hint}` : `could not be started: ${error.message}`);
    });
    // 'close' rather than 'exit': by then all of stderr has been read, so the error carries the store's last words.
    child.once('close', (code, signal) => {
      if (isSettled && !stopper.isStopping()) {
        log('embedded store exited unexpectedly', { code, signal });
        options.onUnexpectedExit?.(signal ?? `exit code ${code}`);
      }
      fail(`exited before it was ready (${signal ?? `exit code ${code}`})`);
    });
    createInterface({ input: child.stdout }).once('line', (line) => {
      const uri = parseUri(line);
      if (!uri) return fail(`printed ${JSON.stringify(line)} instead of {"uri": ...}`);
      if (isSettled) return;
      isSettled = true;
      clearTimeout(startTimer);
      resolve({ uri, pid: child.pid as number, stop: stopper.stop });
    });
  });
}

/** Passes each stderr line to `log` and keeps the last few for a start-up error message. */
function forwardStderr(
  child: ChildProcessWithoutNullStreams,
  log: (msg: string, fields?: object) => void,
): string[] {
  const tail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
    const { msg, fields } = parseStoreLogLine(line);
    log(msg, fields);
  });
  return tail;
}

/** SIGTERM (the store closes its SQLite files), then SIGKILL if it has not exited after a grace period. */
function createStopper(child: ChildProcessWithoutNullStreams): {
  stop(): Promise<void>;
  isStopping(): boolean;
} {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(killTimer);
    }
    child.stdin.destroy();
  };
  return { stop: () => (stopping ??= stop()), isStopping: () => stopping !== undefined };
}

function parseUri(line: string): string | undefined {
  try {
    const { uri } = JSON.parse(line) as { uri?: unknown };
    return typeof uri === 'string' && uri.startsWith('mongodb://') ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** The store logs JSON lines (Go's slog); anything else (a fatal start-up error) is passed on as text. */
function parseStoreLogLine(line: string): { msg: string; fields?: object } {
  try {
    const { msg, level, time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
    // `storeLevel`, not `level`: the caller's logger writes its own `level` key.
    if (typeof msg === 'string') return { msg, fields: { storeLevel: level, ...rest } };
  } catch {
    // not JSON
  }
  return { msg: line };
}
