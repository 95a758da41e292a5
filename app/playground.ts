import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../platform/logger';

export interface RunningPlayground {
  /** Its web UI; the mock connector the bot answers to is `${url}/_connector`. */
  url: string;
  stop(): Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** Port of the UI and the mock connector (default 56150; 0 picks a free one). */
  port?: number;
  /** The mock tenant, team and users; default: `.m365agentsplayground.yml` in `cwd`. */
  configPath?: string;
  cwd?: string;
  /** Its own log; it writes `./devTools/m365agentsplayground.log` under the working directory unless told. */
  logFile?: string;
  log: Logger;
  cliPath?: string;
}

const DEFAULT_PORT = 56150;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const POLL_MS = 100;

/**
 * Loaded into the Playground before its CLI. It calls `server.listen(port)` on every interface and has no host
 * option, yet its mock connector takes unauthenticated posts: pin it to loopback. And it ignores stdin, so a parent
 * that dies without stopping it would leave it running: exit when the parent's end of stdin closes.
 */
const LOOPBACK_AND_ORPHAN_GUARD = `
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

/**
 * Starts the Microsoft 365 Agents Playground (a mock Teams client with a web UI) against the bot. It needs
 * `TEAMSAPPTESTER_BROWSER=none`, or it crashes looking for a browser to open.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cwd = options.cwd ?? process.cwd();
  const logFile = options.logFile ?? join(tmpdir(), `referral-desk-playground-${process.pid}.log`);
  const requestedPort = options.port ?? DEFAULT_PORT;
  const cli = options.cliPath ?? require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(LOOPBACK_AND_ORPHAN_GUARD)}`,
      cli,
      'start',
      ...['--app-endpoint', options.botEndpoint, '--channel-id', 'msteams', '--port', String(requestedPort)],
      '--disable-telemetry',
    ],
    {
      cwd,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        ...(options.configPath ? { M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath } : {}),
      },
      // Its own process group, so stopping it takes anything it started along.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const killOnParentExit = () => signalGroup('SIGTERM');
  process.once('exit', killOnParentExit);
  child.stderr.on('data', (chunk: Buffer) =>
    options.log.warn({ stderr: chunk.toString().trim() }, 'playground'),
  );

  try {
    const port = await announcedPort(child.stdout, exited, logFile);
    if (port !== requestedPort && requestedPort !== 0) {
      options.log.warn({ requestedPort, port }, 'playground port was taken; it moved to another');
    }
    const url = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(url, exited, logFile);
    options.log.info({ url, pid: child.pid, logFile }, 'agents playground started');
    return {
      url,
      async stop() {
        process.removeListener('exit', killOnParentExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        signalGroup('SIGTERM');
        const forced = setTimeout(() => signalGroup('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(forced);
      },
    };
  } catch (error) {
    process.removeListener('exit', killOnParentExit);
    signalGroup('SIGKILL');
    throw error;
  }
}

/** The port it listens on: it moves to a random one when the asked one is taken, and prints where it went. */
function announcedPort(
  stdout: NodeJS.ReadableStream,
  exited: Promise<void>,
  logFile: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Listening on (\d+)/.exec(output)?.[1];
      if (port) resolve(Number(port));
    });
    void exited.then(async () => reject(await exitedAtStart(logFile)));
  });
}

async function waitUntilAnswering(url: string, exited: Promise<void>, logFile: string): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (!(await answersPing(url))) {
    if (hasExited) throw await exitedAtStart(logFile);
    if (performance.now() > deadline) {
      throw new Error(`Agents Playground did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s`);
    }
    await delay(POLL_MS);
  }
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** It writes its reasons (a bad config file, say) to its log file, not to stdout or stderr. */
async function exitedAtStart(logFile: string): Promise<Error> {
  const tail = await readFile(logFile, 'utf8').then(
    (text) => text.split('\n').slice(-15).join('\n'),
    () => '(no log written)',
  );
  return new Error(`Agents Playground exited at start; the end of ${logFile}:\n${tail}`);
}
