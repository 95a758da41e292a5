// Makes sure the Debian `chromium` the end-to-end tests drive is installed: does nothing when it is on PATH,
// otherwise installs it with apt-get (through sudo when not root). Plain Node with builtins only.
//
//   node scripts/ensure-chromium.mjs
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import process from 'node:process';

const say = (text) => console.log(`[chromium] ${text}`);
// Another apt-get (a parallel set-up, unattended upgrades) may hold the dpkg lock; wait for it rather than fail.
const APT_OPTIONS = ['-q', '-o', 'DPkg::Lock::Timeout=600'];

function findOnPath(name) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...dirs.map((dir) => join(dir, name)), `/usr/bin/${name}`].find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function run(command, args) {
  say(`$ ${[command, ...args].join(' ')}`);
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})`)),
    );
  });
}

// The emoji font draws the cards' 🔥 and ⏰ in screenshots instead of empty boxes.
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

function hasFile(path) {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const present = findOnPath('chromium');
  if (present && hasFile(EMOJI_FONT)) {
    say(`found ${present}`);
    return;
  }
  if (process.platform !== 'linux' || !findOnPath('apt-get')) {
    throw new Error(
      'chromium is missing and apt-get is not available: install Chromium and put `chromium` on PATH.',
    );
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !findOnPath('sudo')) throw new Error('installing chromium needs root or sudo.');
  const asRoot = (args) => (isRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  say('chromium or its emoji font is missing; installing the Debian packages (a few minutes on first run) …');
  await asRoot(['update', ...APT_OPTIONS]);
  await asRoot(['install', '-y', ...APT_OPTIONS, 'chromium', 'fonts-noto-color-emoji']);
  const installed = findOnPath('chromium');
  if (!installed) throw new Error('apt-get finished but chromium is still not on PATH.');
  say(`installed ${installed}`);
}

main().catch((error) => {
  console.error(`[chromium] ${error.message}`);
  process.exitCode = 1;
});
