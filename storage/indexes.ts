import type { Db } from 'mongodb';
import { ensureReferralEventIndexes } from './referral-events';
import { ensureReferralIndexes } from './referrals';
import { ensureReferralRouteIndexes } from './referral-routes';
import { ensureConversationIndexes } from './conversations';
import { ensurePostedMessageIndexes } from './posted-messages';
import { ensureScheduledNoticeIndexes } from './scheduled-notices';
import { ensureDigestSubscriptionIndexes } from './digest-subscriptions';
import { ensureOpenReferralIndexes } from './open-referrals';
import { ensurePartnerCenterLinkIndexes } from './partner-center-links';
import { ensureSyncOutboxIndexes } from './sync-outbox';

/** Creates every index the service relies on. Idempotent; run at start-up. */
export async function ensureIndexes(db: Db): Promise<void> {
  await ensureReferralEventIndexes(db);
  await ensureReferralIndexes(db);
  await ensureReferralRouteIndexes(db);
  await ensureConversationIndexes(db);
  await ensurePostedMessageIndexes(db);
  await ensureScheduledNoticeIndexes(db);
  await ensureDigestSubscriptionIndexes(db);
  await ensureOpenReferralIndexes(db);
  await ensurePartnerCenterLinkIndexes(db);
  await ensureSyncOutboxIndexes(db);
}
