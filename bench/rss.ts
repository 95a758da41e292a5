// `rss`: the resident memory of the service's node process (the compiled bench build, local mode, its own
// embedded store), idle and after intake, against a bare node process that has only loaded the three libraries
// the service is built on.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Section } from './context';
import { compare, megabytes } from './report';
import { externalIds, progress, sendReferrals, sleep } from './support';

const SETTLE_MS = 5_000;
const INTAKE_REQUESTS = 100;
const GOAL_MB = 150;
// dist/bench/bench/rss.js → the repository root, where node_modules and the store binary are.
const ROOT = resolve(__dirname, '..', '..', '..');
const SERVICE_MAIN = resolve(__dirname, '..', 'app', 'main.js');
const FLOOR_SCRIPT =
  "require('botbuilder'); require('mongodb'); require('restify'); console.log('ready'); setInterval(() => {}, 1000)";

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) / 1024;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** A child with only the environment it is given (no MONGODB_URI or app id from ours), its output drained. */
function startChild(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null)
      throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`${url}/readyz did not answer 200 within a minute`);
}

async function measureService(): Promise<{ idleMb: number; afterIntakeMb: number }> {
  if (!existsSync(SERVICE_MAIN))
    throw new Error(`${SERVICE_MAIN} is missing: run tsc -p tsconfig.bench.json`);
  const dataDir = await mkdtemp(join(tmpdir(), 'rd-bench-rss-'));
  const port = await freePort();
  const child = startChild(['--disable-warning=DEP0111', SERVICE_MAIN], {
    PLAYGROUND: 'off',
    SCHEDULER: 'off',
    DATA_DIR: dataDir,
    PORT: String(port),
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(url, child);
    await sleep(SETTLE_MS);
    const idleMb = await rssMb(child.pid!);
    progress(`rss: service idle at ${idleMb.toFixed(1)} MB; ${INTAKE_REQUESTS} intake requests …`);
    await sendReferrals(url, externalIds('rss', INTAKE_REQUESTS), 10);
    await sleep(SETTLE_MS);
    return { idleMb, afterIntakeMb: await rssMb(child.pid!) };
  } finally {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureFloor(): Promise<number> {
  const child = startChild(['-e', FLOOR_SCRIPT], {});
  try {
    const ready = new Promise<void>((done) => child.stdout?.once('data', () => done()));
    await Promise.race([ready, sleep(30_000)]);
    await sleep(SETTLE_MS);
    return await rssMb(child.pid!);
  } finally {
    await stopChild(child);
  }
}

export const rssSection: Section = {
  name: 'rss',
  title: `node RSS of the service process, idle and after ${INTAKE_REQUESTS} intake requests`,
  async run() {
    progress('rss: starting the compiled service as a child process …');
    const service = await measureService();
    const floorMb = await measureFloor();
    const goal = { on: 'subject' as const, atMost: GOAL_MB, unit: 'MB' };
    return {
      rows: [
        compare('RSS idle (5 s after /readyz)', megabytes(service.idleMb), megabytes(floorMb), goal),
        compare(
          `RSS after ${INTAKE_REQUESTS} intake requests and 5 s`,
          megabytes(service.afterIntakeMb),
          megabytes(floorMb),
          goal,
        ),
      ],
      notes: [
        'subject: node dist/bench/app/main.js (PLAYGROUND=off, SCHEDULER=off, its own embedded store, not counted)',
        "floor: node -e \"require('botbuilder'); require('mongodb'); require('restify'); setInterval(…)\"",
      ],
    };
  },
};
