import type { Db } from 'mongodb';
import { firstNoticeAt } from '../core/due-notices';
import type { Referral } from '../core/referral';
import { REFERRALS } from './referrals';

/**
 * The referrals nobody has answered yet, one small document each: what the scheduler reads every minute. FerretDB v1 answers a range query by scanning the whole collection, so asking `referrals` would
 * cost a full scan per tick; this collection only ever holds the New ones (at most 14 days of unanswered
 * referrals), so a tick costs what is open, not what ever arrived.
 */
export interface OpenReferrals {
  /** Keeps the entry in step with the referral: present while New, gone after. Idempotent. */
  track(referral: TrackedReferral): Promise<void>;
  /**
   * Ids of open referrals that may have a notice due at `now` (their first notice time has come), earliest first.
   * By the referral's own clocks, not its arrival: a Partner Center referral that arrived late is due when
   * Partner Center's 24 h run out.
   */
  dueBy(now: Date, limit: number): Promise<string[]>;
  /**
   * Brings the collection in step with `referrals`, every referral as start-up read it (the directory's one read
   * of them all), healing anything a crash left behind; returns how many are open. Writes only what differs.
   */
  rebuild(referrals: Iterable<TrackedReferral>): Promise<number>;
}

type TrackedReferral = Pick<Referral, 'id' | 'status' | 'receivedAt' | 'respondByAt' | 'expiresAt'>;

interface OpenReferralDoc {
  _id: string;
  receivedAt: Date;
  /** `firstNoticeAt` of the referral. An entry written before it existed gets it from `rebuild()` at start. */
  firstNoticeAt: Date;
}

export const OPEN_REFERRALS = 'open_referrals';

export async function ensureOpenReferralIndexes(db: Db): Promise<void> {
  await db.collection(OPEN_REFERRALS).createIndex({ receivedAt: 1 }, { name: 'received_at' });
  await db.collection(OPEN_REFERRALS).createIndex({ firstNoticeAt: 1 }, { name: 'first_notice_at' });
}

export function openReferrals(db: Db): OpenReferrals {
  const open = db.collection<OpenReferralDoc>(OPEN_REFERRALS);
  const track: OpenReferrals['track'] = async (referral) => {
    if (referral.status === 'New')
      await open.updateOne(
        { _id: referral.id },
        { $set: { receivedAt: referral.receivedAt, firstNoticeAt: firstNoticeAt(referral) } },
        { upsert: true },
      );
    else await open.deleteOne({ _id: referral.id });
  };
  return {
    track,
    async dueBy(now, limit) {
      const docs = await open
        .find({ firstNoticeAt: { $lte: now } }, { projection: { _id: 1 } })
        .sort({ firstNoticeAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => d._id);
    },
    async rebuild(all) {
      const held = new Map<string, OpenReferralDoc>();
      for await (const doc of open.find({})) held.set(doc._id, doc);
      let count = 0;
      for (const referral of all) {
        if (referral.status !== 'New') continue;
        count++;
        const doc = held.get(referral.id);
        held.delete(referral.id);
        const isInStep =
          doc?.receivedAt.getTime() === referral.receivedAt.getTime() &&
          doc.firstNoticeAt?.getTime() === firstNoticeAt(referral).getTime();
        if (!isInStep) await track(referral);
      }
      // Entries of referrals not New when start-up read them: a point read each, since one may be newer than that.
      const referrals = db.collection<Referral & { _id: string }>(REFERRALS);
      for (const id of held.keys()) {
        const referral = await referrals.findOne({ _id: id }, { projection: { status: 1 } });
        if (referral?.status !== 'New') await open.deleteOne({ _id: id });
      }
      return count;
    },
  };
}
