import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { insertBatches } from './insert-batches';
import { withBusyRetry } from './mongo';

/**
 * A change to a referral whose effects (projection, live-work tracking, the channel card, the write-back) may not
 * all be carried out yet. Marked before the change is appended and cleared once its effects are done, so a crash
 * anywhere in between leaves a mark the next start (or the sweep) finishes. Each writer marks its own change, so
 * clearing one never clears another's.
 */
export interface PendingChange {
  id: string;
  referralId: string;
  markedAt: Date;
}

export interface PendingChanges {
  mark(referralId: string, now: Date): Promise<PendingChange>;
  clear(id: string): Promise<void>;
  /**
   * Marks made at or before `cutoff`, oldest first (left by a crash, or by an effect that failed), after the mark
   * `after` when paging on.
   */
  madeBy(cutoff: Date, limit: number, after?: PendingChange): Promise<PendingChange[]>;
}

type PendingChangeDoc = Omit<PendingChange, 'id'> & { _id: string };

/** Small by design (only changes in flight), so reading all of it is cheap even where queries scan. */
export const PENDING_CHANGES = 'pending_changes';

export function pendingChanges(db: Db): PendingChanges {
  // Majority + journal: the mark must be durable before the change it stands for.
  const marks = db.collection<PendingChangeDoc>(PENDING_CHANGES, {
    writeConcern: { w: 'majority', journal: true },
  });
  // Every change starts with a mark, so concurrent changes share one insert. Its id is unique by construction, so
  // "already there" can only be this mark, landed by an earlier try.
  const insertMark = insertBatches(marks);
  return {
    async mark(referralId, now) {
      const change = { id: `${referralId}#${randomUUID()}`, referralId, markedAt: now };
      await withBusyRetry(() => insertMark({ _id: change.id, referralId, markedAt: now }));
      return change;
    },
    async clear(id) {
      await marks.deleteOne({ _id: id });
    },
    async madeBy(cutoff, limit, after) {
      const later = after
        ? {
            $or: [
              { markedAt: { $gt: after.markedAt } },
              { markedAt: after.markedAt, _id: { $gt: after.id } },
            ],
          }
        : {};
      const docs = await marks
        .find({ markedAt: { $lte: cutoff }, ...later })
        .sort({ markedAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return docs.map(({ _id, ...change }) => ({ id: _id, ...change }));
    },
  };
}
