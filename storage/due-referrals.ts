import type { Db } from 'mongodb';
import type { Referral } from '../core/referral';
import { RESPOND_WITHIN_MS } from '../core/timers';
import { REFERRALS } from './referrals';

/** The scheduler's one question to the referrals: which could have something due now. */
export interface DueReferrals {
  /**
   * New referrals past their 24 h mark, oldest first: every notice (reminder, warning, expiry, flame) falls after
   * it. Served by the (status, receivedAt) index, so a tick reads the unanswered backlog, not every referral.
   */
  unansweredPastRespondBy(now: Date, limit: number): Promise<Referral[]>;
}

export function dueReferrals(db: Db): DueReferrals {
  const referrals = db.collection<Referral & { _id: string }>(REFERRALS);
  return {
    async unansweredPastRespondBy(now, limit) {
      const cutoff = new Date(now.getTime() - RESPOND_WITHIN_MS);
      const docs = await referrals
        .find({ status: 'New', receivedAt: { $lte: cutoff } })
        .sort({ receivedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map(({ _id: _ignored, ...referral }) => referral as Referral);
    },
  };
}
