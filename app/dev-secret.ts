import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Local mode's intake secret: generated once and kept in the data dir, so `npm run demo:referral` and any local
 * client can sign requests the same way production clients do.
 */
export async function loadOrCreateDevSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'dev-intake-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Local mode's key for the stored Partner Center refresh token (production sets PARTNER_CENTER_TOKEN_KEY):
 * generated once, kept beside the dev intake secret, so a restart can read what the last run stored.
 */
export async function loadOrCreateDevTokenKey(dataDir: string): Promise<Buffer> {
  const file = join(dataDir, 'dev-partner-center-token-key');
  try {
    const existing = Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
    if (existing.length === 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  return key;
}
