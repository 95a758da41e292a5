import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root: the first folder above this file with a package.json (works from `test/` and `dist/`). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

// What tsconfig.build.json compiles, plus the configuration that decides how.
const SOURCE_FOLDERS = [
  'i18n',
  'app',
  'core',
  'intake',
  'storage',
  'partner-center',
  'outbound',
  'services',
  'platform',
  'bot',
  'cards',
  'scheduler',
];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

async function sourceFiles(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .filter((path) => !path.startsWith(join('storage', 'embedded') + '/'));
}

/** A hash of every file the build reads: the same sources always map to the same cached build. */
async function sourceHash(root: string): Promise<string> {
  const files = [
    ...CONFIG_FILES,
    ...(await Promise.all(SOURCE_FOLDERS.map((f) => sourceFiles(root, f)))).flat(),
  ];
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Compiles the service as `npm run build` does, into a folder of os.tmpdir() named by a hash of its sources, and
 * returns that folder (it holds `app/main.js`). A later run on the same sources reuses it; the build lands under
 * a temporary name first, so two runs building at once never see half a build.
 */
export async function buildService(): Promise<string> {
  const root = repositoryRoot();
  const dir = join(tmpdir(), `referral-desk-service-${await sourceHash(root)}`);
  if (existsSync(join(dir, 'app', 'main.js'))) return dir;
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', building], root);
  try {
    await rename(building, dir);
  } catch (error) {
    // Another run finished the same build first: theirs is as good as ours.
    await rm(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'app', 'main.js'))) throw error;
  }
  return dir;
}

/** A TCP port nothing listens on right now (the service is told to listen there, and again after a restart). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** One run of the service as its own process: `node <build>/app/main.js`. */
export interface ServiceProcess {
  readonly url: string;
  readonly pid: number;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The tail of what it wrote to stdout and stderr: its log lines, for a failing spec's message. */
  output(): string;
  /** SIGKILL, at once: nothing is flushed or handed back, as when the host dies. Safe to call more than once. */
  killNow(): void;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the bounded graceful stop), then waits until the process is gone. */
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  /** The service's settings (README "Settings"); PORT must be set, so a restart listens where the first run did. */
  env: Record<string, string>;
  /** How long to wait for `/readyz` to answer 200. */
  readyTimeoutMs?: number;
}

const OUTPUT_TAIL_CHARS = 20_000;

/**
 * Starts the built service with exactly `env` (nothing inherited but PATH, so the host's settings never leak in)
 * and resolves once `/readyz` answers 200; fails with its output if it exits or stays unready.
 */
export async function startServiceProcess(
  build: string,
  { env, readyTimeoutMs = 30_000 }: ServiceProcessOptions,
): Promise<ServiceProcess> {
  if (!env['PORT']) throw new Error('startServiceProcess needs env.PORT');
  const host = env['HOST'] ?? '127.0.0.1';
  const url = `http://${host}:${env['PORT']}`;
  // The build lives outside the repository, so its imports are resolved from the repository's node_modules.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', join(build, 'app', 'main.js')],
    {
      env: { PATH: process.env['PATH'] ?? '', NODE_PATH: join(repositoryRoot(), 'node_modules'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const killNow = () => {
    if (!hasExited) child.kill('SIGKILL');
  };
  const handle: ServiceProcess = {
    url,
    pid: child.pid ?? -1,
    exited,
    output: () => output,
    killNow,
    async kill() {
      killNow();
      await exited;
    },
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = performance.now() + readyTimeoutMs;
  for (;;) {
    if (hasExited)
      throw new Error(`the service exited during start (${JSON.stringify(await exited)}):\n${output}`);
    const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return handle;
    if (performance.now() > deadline) {
      await handle.kill();
      throw new Error(`the service was not ready within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}
