// The first step of `npm start` and `npm test`: brings a fresh clone (or a stale checkout) up to date, doing only
// what is out of date. Plain Node with builtins only, because it runs before node_modules exists.
//
//   node scripts/setup.mjs           dependencies, the embedded store, the pipeline tab's bundle
//   node scripts/setup.mjs --build   the same, then compiles the service into dist/
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const isWindows = process.platform === 'win32';
const HEARTBEAT_MS = 15_000;

class SetupError extends Error {}

const say = (step, text) => console.log(`[setup] ${step}: ${text}`);
const seconds = (sinceMs) => Math.round((performance.now() - sinceMs) / 1000);

/** Modification time in ms, or undefined when the file does not exist. */
function mtimeOf(path) {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

/** True when `target` is missing or older than any of `inputs`. */
function isStale(target, inputs) {
  const targetMs = mtimeOf(target);
  return targetMs === undefined || inputs.some((input) => (mtimeOf(input) ?? 0) > targetMs);
}

/** Runs a command with its output streamed through; rejects with the step's name when it fails. */
function run(step, command, args, { cwd = root, env = process.env, heartbeat } = {}) {
  const startedMs = performance.now();
  // npm is a .cmd script on Windows, which Node only runs through a shell.
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: 'inherit',
    shell: isWindows && !command.endsWith('.exe'),
  });
  const timer =
    heartbeat && setInterval(() => say(step, `${heartbeat} (${seconds(startedMs)} s) …`), HEARTBEAT_MS);
  return new Promise((resolve, reject) => {
    child.once('error', (error) =>
      reject(new SetupError(`${step}: could not run ${command}: ${error.message}`)),
    );
    child.once('close', (code, signal) => {
      if (timer) clearInterval(timer);
      if (code === 0) return resolve(seconds(startedMs));
      reject(
        new SetupError(
          `${step}: \`${[command, ...args].join(' ')}\` failed (${signal ?? `exit code ${code}`})`,
        ),
      );
    });
  });
}

async function installDependencies() {
  const step = 'dependencies';
  if (!isStale(join(root, 'node_modules', '.package-lock.json'), [join(root, 'package-lock.json')])) {
    return say(step, 'up to date');
  }
  say(step, 'npm ci …');
  const took = await run(step, isWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
  say(step, `done in ${took} s`);
}

function findGo() {
  const name = isWindows ? 'go.exe' : 'go';
  const candidates = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
  candidates.push(isWindows ? 'C:\\Program Files\\Go\\bin\\go.exe' : '/usr/local/go/bin/go');
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

async function buildEmbeddedStore() {
  const step = 'store';
  if (process.env.MONGODB_URI) return say(step, 'MONGODB_URI is set, so the embedded store is not needed');
  const sourceDir = join(root, 'storage', 'embedded');
  const output = join('bin', isWindows ? 'referral-desk-store.exe' : 'referral-desk-store');
  const inputs = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.go') || name === 'go.mod' || name === 'go.sum')
    .map((name) => join(sourceDir, name));
  if (!isStale(join(sourceDir, output), inputs)) return say(step, 'up to date');
  const go = findGo();
  if (!go) {
    throw new SetupError(
      'store: Go is needed to build the embedded store (FerretDB), and `go` is neither on PATH nor in the usual ' +
        'install location. Install Go 1.24 or later from https://go.dev/dl/, or set MONGODB_URI to use an ' +
        'existing MongoDB instead of the embedded store.',
    );
  }
  say(step, `building FerretDB wrapper with ${go} (first time takes a few minutes) …`);
  const took = await run(step, go, ['build', '-o', output, '.'], {
    cwd: sourceDir,
    // A static binary: no C toolchain needed, and it runs on any machine of the same OS and architecture.
    env: { ...process.env, CGO_ENABLED: '0' },
    heartbeat: 'still building',
  });
  // go build leaves an up-to-date output untouched; mark it fresh so the sources no longer look newer.
  const now = new Date();
  utimesSync(join(sourceDir, output), now, now);
  say(step, `done in ${took} s`);
}

/** Every file under `dir` whose name ends with one of `endings`. */
function filesUnder(dir, endings) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, endings);
    return endings.some((ending) => entry.name.endsWith(ending)) ? [path] : [];
  });
}

/** Every .ts file under `dir` (declaration files too: they change what compiles). */
const typeScriptFiles = (dir) => filesUnder(dir, ['.ts']);

/** Writes a stamp dated `at`, so a file saved while a build ran still counts as newer next time. */
function stamp(path, at) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${at.toISOString()}\n`);
  utimesSync(path, at, at);
}

/** The folders tsc compiles, read from tsconfig.build.json so this script and the build cannot disagree. */
function sourceDirs() {
  const fallback = ['app', 'core', 'intake', 'storage', 'bot', 'cards', 'scheduler'];
  try {
    const { include } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
    return Array.isArray(include) ? include : fallback;
  } catch {
    return fallback; // tsconfig allows comments, which JSON.parse does not
  }
}

async function buildService() {
  const step = 'build';
  const stampFile = join(root, 'dist', '.build-stamp');
  const sources = sourceDirs().flatMap((dir) => typeScriptFiles(join(root, dir)));
  const configs = ['tsconfig.json', 'tsconfig.build.json'].map((name) => join(root, name));
  if (!isStale(stampFile, [...sources, ...configs])) return say(step, 'up to date');
  say(step, `tsc -p tsconfig.build.json (${sources.length} files) …`);
  // Stamped with the time the build started, so a file saved while tsc runs still counts as newer next time.
  const startedAt = new Date();
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const took = await run(step, process.execPath, [tsc, '-p', 'tsconfig.build.json']);
  stamp(stampFile, startedAt);
  say(step, `done in ${took} s`);
}

/** The pipeline tab's bundle (scripts/build-tab.mjs), when tab/ or what it imports (core/, i18n/) changed. */
async function buildTabBundle() {
  const step = 'tab';
  const stampFile = join(root, 'dist', 'tab', '.build-stamp');
  const inputs = [
    ...['tab', 'core', 'i18n'].flatMap((dir) =>
      filesUnder(join(root, dir), ['.ts', '.tsx', '.html', '.css', '.json']),
    ),
    join(root, 'scripts', 'build-tab.mjs'),
    join(root, 'package-lock.json'),
  ];
  if (!isStale(stampFile, inputs)) return say(step, 'up to date');
  say(step, 'esbuild tab/ → dist/tab/ …');
  const startedAt = new Date();
  const startedMs = performance.now();
  // Imported only now: esbuild is a dependency, and this script runs before node_modules exists.
  const { buildTab, bundleSizes } = await import('./build-tab.mjs');
  await buildTab();
  stamp(stampFile, startedAt);
  const kb = Math.round(bundleSizes().reduce((sum, [, size]) => sum + size, 0) / 1024);
  say(step, `done in ${seconds(startedMs)} s (${kb} KB)`);
}

try {
  const startedMs = performance.now();
  await installDependencies();
  await buildEmbeddedStore();
  await buildTabBundle();
  if (process.argv.includes('--build')) await buildService();
  console.log(`[setup] ready in ${seconds(startedMs)} s`);
} catch (error) {
  const message = error instanceof SetupError ? error.message : (error?.stack ?? String(error));
  console.error(`[setup] failed: ${message}`);
  const command = [
    'node',
    relative(process.cwd(), fileURLToPath(import.meta.url)),
    ...process.argv.slice(2),
  ].join(' ');
  console.error(`[setup] fix the above and run \`${command}\` again`);
  process.exitCode = 1;
}
