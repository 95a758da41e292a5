import type { Db } from 'mongodb';
import type { NoticeKind } from '../core/due-notices';
import { isDuplicateKeyError } from './mongo';

/** One scheduled notice: decided once (the insert), then sent or skipped. */
export interface ScheduledNotice {
  key: string;
  referralId: string;
  kind: NoticeKind;
  decidedAt: Date;
  /** Set once the notice went out, or once it no longer applied (`skipped`). */
  doneAt?: Date;
  skipped?: boolean;
}

export interface ScheduledNotices {
  /** True when this caller decided the notice; false when someone already had. */
  decide(notice: Omit<ScheduledNotice, 'doneAt' | 'skipped'>): Promise<boolean>;
  markDone(key: string, at: Date, skipped?: boolean): Promise<void>;
  /** Keys already decided for these referrals, so a tick only decides what is new. */
  decidedFor(referralIds: string[]): Promise<Set<string>>;
  /** Decided but not done: a worker died between deciding and sending, or the send failed. */
  unfinished(limit: number): Promise<ScheduledNotice[]>;
}

type NoticeDoc = ScheduledNotice & { _id: string };
export const SCHEDULED_NOTICES = 'scheduled_notices';

export async function ensureScheduledNoticeIndexes(db: Db): Promise<void> {
  const notices = db.collection(SCHEDULED_NOTICES);
  await notices.createIndex({ referralId: 1 }, { name: 'referral' });
  await notices.createIndex({ doneAt: 1, decidedAt: 1 }, { name: 'unfinished' });
}

/** The `_id` is the notice key: the unique insert is what decides, on MongoDB and FerretDB alike. */
export function scheduledNotices(db: Db): ScheduledNotices {
  const notices = db.collection<NoticeDoc>(SCHEDULED_NOTICES);
  const strip = ({ _id: _ignored, ...notice }: NoticeDoc): ScheduledNotice => notice;
  return {
    async decide(notice) {
      try {
        await notices.insertOne({ _id: notice.key, ...notice }, { writeConcern: { w: 'majority', j: true } });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async markDone(key, at, skipped = false) {
      await notices.updateOne({ _id: key }, { $set: { doneAt: at, ...(skipped ? { skipped } : {}) } });
    },
    async decidedFor(referralIds) {
      if (referralIds.length === 0) return new Set();
      const docs = await notices
        .find({ referralId: { $in: referralIds } }, { projection: { _id: 1 } })
        .toArray();
      return new Set(docs.map((d) => d._id));
    },
    async unfinished(limit) {
      const docs = await notices
        .find({ doneAt: { $exists: false } })
        .sort({ decidedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map(strip);
    },
  };
}
