import type { Collection, Db } from 'mongodb';
import type { ReferralEvent } from '../core/events';
import { insertIfAbsent } from './mongo';

/** The per-referral event log. Its unique (referralId, seq) index decides every race between writers. */
export interface ReferralEventLog {
  /** `appended`, or `taken` when another writer already holds this (referralId, seq). */
  append(event: ReferralEvent): Promise<'appended' | 'taken'>;
  /** Events with seq > afterSeq, in order. */
  listAfter(referralId: string, afterSeq: number): Promise<ReferralEvent[]>;
}

type EventDoc = ReferralEvent & { _id: string };

export const REFERRAL_EVENTS = 'referral_events';

export async function ensureReferralEventIndexes(db: Db): Promise<void> {
  await db
    .collection(REFERRAL_EVENTS)
    .createIndex({ referralId: 1, seq: 1 }, { unique: true, name: 'referral_seq_unique' });
}

export function referralEventLog(db: Db): ReferralEventLog {
  // Majority + journal so a 2xx is only ever sent after the event is durable (MongoDB; SQLite commits anyway).
  const events: Collection<EventDoc> = db.collection<EventDoc>(REFERRAL_EVENTS, {
    writeConcern: { w: 'majority', journal: true },
  });
  return {
    async append(event) {
      const doc = { _id: `${event.referralId}:${event.seq}`, ...event };
      return (await insertIfAbsent(events, doc)) ? 'appended' : 'taken';
    },
    async listAfter(referralId, afterSeq) {
      const docs = await events
        .find({ referralId, seq: { $gt: afterSeq } })
        .sort({ seq: 1 })
        .toArray();
      return docs.map(({ _id: _ignored, ...event }) => event as ReferralEvent);
    },
  };
}
