import { mkdir, writeFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../platform/clock';
import { DEMO_REFERRAL_COUNT, demoReferral, sendReferral } from './demo-referrals';

const MARKER = 'demo-referrals-sent';

/**
 * Local mode's first start: a handful of realistic referrals through the real intake API, so the Playground
 * shows something to try. A marker file in the data dir makes it first-start only.
 */
export async function seedDemoReferralsOnce(options: {
  baseUrl: string;
  secret: string;
  dataDir: string;
  clock: Clock;
}): Promise<number> {
  const marker = join(options.dataDir, MARKER);
  if (await exists(marker)) return 0;
  const now = options.clock();
  const serial = now.getTime().toString(36);
  for (let i = 0; i < DEMO_REFERRAL_COUNT; i++) {
    // Spread over the last day so the cards show different times left; the first one asked to be called.
    const createdAt = new Date(now.getTime() - i * 5 * 3600_000);
    await sendReferral(options.baseUrl, options.secret, demoReferral(i, serial, createdAt));
  }
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(marker, `${now.toISOString()}\n`);
  return DEMO_REFERRAL_COUNT;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
