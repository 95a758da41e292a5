import type { Db } from 'mongodb';
import type { Referral } from '../core/referral';
import { openReferrals } from './open-referrals';
import { REFERRALS } from './referrals';

/** The scheduler's one question to the referrals: which could have something due now. */
export interface DueReferrals {
  /**
   * New referrals past their 24 h mark (or their expiry warning, if that comes first), earliest first: every
   * notice (reminder, warning, expiry, flame) falls after it. Read from the small open-referrals collection, then each referral by id.
   */
  unansweredPastRespondBy(now: Date, limit: number): Promise<Referral[]>;
}

export function dueReferrals(db: Db): DueReferrals {
  const referrals = db.collection<Referral & { _id: string }>(REFERRALS);
  const open = openReferrals(db);
  return {
    async unansweredPastRespondBy(now, limit) {
      const ids = await open.dueBy(now, limit);
      const found: Referral[] = [];
      for (const id of ids) {
        const doc = await referrals.findOne({ _id: id });
        if (!doc) continue;
        const { _id: _ignored, ...referral } = doc;
        // An entry a crash left behind for an answered referral heals here.
        if (referral.status === 'New') found.push(referral as Referral);
        else await open.track(referral as Referral);
      }
      return found;
    },
  };
}
