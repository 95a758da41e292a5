import type { Db } from 'mongodb';
import type { ScheduledKind } from '../core/due-notices';
import { insertIfAbsent } from './mongo';

/** One scheduled notice: decided once, then sent or skipped. */
export interface ScheduledNotice {
  key: string;
  referralId: string;
  kind: ScheduledKind;
  decidedAt: Date;
  /** Set once the notice went out, or once it no longer applied (`skipped`). */
  doneAt?: Date;
  skipped?: boolean;
}

export interface ScheduledNotices {
  /** True when this caller decided the notice; false when someone already had. */
  decide(notice: Omit<ScheduledNotice, 'doneAt' | 'skipped'>): Promise<boolean>;
  markDone(key: string, at: Date, skipped?: boolean): Promise<void>;
  /** Which of these keys were decided already. */
  decided(keys: string[]): Promise<Set<string>>;
  /** Decided but not done: just now, or by a worker that died between deciding and sending. */
  unfinished(limit: number): Promise<ScheduledNotice[]>;
}

type NoticeDoc = ScheduledNotice & { _id: string };
/** Every notice ever decided, by key: the unique `_id` insert is the decision. */
export const SCHEDULED_NOTICES = 'scheduled_notices';
/** Notices decided and not yet done; small, so a tick can read all of it even where queries scan. */
export const NOTICE_QUEUE = 'notice_queue';

export async function ensureScheduledNoticeIndexes(db: Db): Promise<void> {
  await db.collection(NOTICE_QUEUE).createIndex({ decidedAt: 1 }, { name: 'decided_at' });
}

export function scheduledNotices(db: Db): ScheduledNotices {
  const notices = db.collection<NoticeDoc>(SCHEDULED_NOTICES);
  const queue = db.collection<NoticeDoc>(NOTICE_QUEUE);
  const durable = { writeConcern: { w: 'majority' as const, j: true } };
  const insertOnce = (collection: typeof notices, doc: NoticeDoc) => insertIfAbsent(collection, doc, durable);
  return {
    async decide(notice) {
      const doc = { _id: notice.key, ...notice };
      // Queued first, so a crash between the two inserts leaves work to finish, never a decision with no work.
      await insertOnce(queue, doc);
      if (await insertOnce(notices, doc)) return true;
      const earlier = await notices.findOne({ _id: notice.key });
      if (earlier?.doneAt) await queue.deleteOne({ _id: notice.key });
      return false;
    },
    async markDone(key, at, skipped = false) {
      await notices.updateOne({ _id: key }, { $set: { doneAt: at, ...(skipped ? { skipped } : {}) } });
      await queue.deleteOne({ _id: key });
    },
    async decided(keys) {
      const found = new Set<string>();
      // Point reads by `_id`: the one lookup every store answers without a scan.
      for (const key of keys)
        if (await notices.findOne({ _id: key }, { projection: { _id: 1 } })) found.add(key);
      return found;
    },
    async unfinished(limit) {
      const docs = await queue.find({}).sort({ decidedAt: 1 }).limit(limit).toArray();
      return docs.map(({ _id: _ignored, ...notice }) => notice);
    },
  };
}
