import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** A headless Chromium on a fresh profile; `close()` removes the profile too. */
export interface LaunchedChromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Quiet and reproducible: no updates, sync, first-run UI or background traffic while a test runs.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Debian `chromium` on PATH (or at /usr/bin/chromium); never a downloaded browser. */
export function findChromium(path = process.env.PATH ?? ''): string {
  const candidates = [
    ...path
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'chromium')),
    DEBIAN_CHROMIUM,
  ];
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new Error(
      'Chromium is not installed: the end-to-end tests drive the Debian `chromium` package. ' +
        'Run `node scripts/ensure-chromium.mjs` (it installs it with apt-get) and try again.',
    );
  }
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function launchChromium(
  options: { viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  const profileDir = await mkdtemp(join(tmpdir(), 'referral-desk-chromium-'));
  // Playwright refuses --user-data-dir among the args; a persistent context on a new directory is the same thing.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
