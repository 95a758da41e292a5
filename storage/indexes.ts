import type { Db } from 'mongodb';
import { ensureReferralEventIndexes } from './referral-events';
import { ensureReferralIndexes } from './referrals';

/** Creates every index the service relies on. Idempotent; run at start-up. */
export async function ensureIndexes(db: Db): Promise<void> {
  await ensureReferralEventIndexes(db);
  await ensureReferralIndexes(db);
}
