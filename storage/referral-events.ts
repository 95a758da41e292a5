import type { Collection, Db } from 'mongodb';
import type { ReferralEvent } from '../core/events';
import { LruCache } from './lru-cache';
import { insertBatches } from './insert-batches';
import { insertIfAbsent, withBusyRetry } from './mongo';

/** The per-referral event log. Its unique (referralId, seq) index decides every race between writers. */
export interface ReferralEventLog {
  /** `appended`, or `taken` when another writer already holds this (referralId, seq). */
  append(event: ReferralEvent): Promise<'appended' | 'taken'>;
  /** Events with seq > afterSeq, in order (usually none or one: readers start from the projection's version). */
  listAfter(referralId: string, afterSeq: number): Promise<ReferralEvent[]>;
  /** The event with this seq, if there is one. */
  get(referralId: string, seq: number): Promise<ReferralEvent | undefined>;
  /** Events 1 to `upToSeq`, in order: a referral's whole history (a handful of events), read in parallel. */
  listUpTo(referralId: string, upToSeq: number): Promise<ReferralEvent[]>;
}

type EventDoc = ReferralEvent & { _id: string };

const eventId = (referralId: string, seq: number) => `${referralId}:${seq}`;

export const REFERRAL_EVENTS = 'referral_events';
// A few thousand referrals' histories: a few megabytes.
const EVENTS_KEPT = 10_000;

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
  // An event never changes once appended, so a copy read or written here is never stale, whoever appended it:
  // a card's history and a writer's freshness check then cost no round trip for events seen lately.
  const seen = new LruCache<string, ReferralEvent>(EVENTS_KEPT);
  const get = async (referralId: string, seq: number) => {
    const id = eventId(referralId, seq);
    const kept = seen.get(id);
    if (kept) return kept;
    const doc = await events.findOne({ _id: id });
    if (!doc) return undefined;
    const { _id: _ignored, ...event } = doc;
    seen.set(id, event as ReferralEvent);
    return event as ReferralEvent;
  };
  // A burst of new referrals shares its inserts. Only first events: for them "already there" is a repeated
  // delivery, which intake handles whoever landed it; a later event's writer must know whether it won the seq.
  const insertFirst = insertBatches(events);
  return {
    async append(event) {
      const id = eventId(event.referralId, event.seq);
      const doc = { _id: id, ...event };
      const appended = await withBusyRetry(() =>
        event.seq === 1 ? insertFirst(doc) : insertIfAbsent(events, doc),
      );
      if (appended) seen.set(id, event);
      return appended ? 'appended' : 'taken';
    },
    get,
    // Point reads by `_id` (`<referralId>:<seq>`) only: FerretDB over SQLite answers any other filter by reading the
    // whole collection, so a query on (referralId, seq) would cost what the whole history costs.
    async listAfter(referralId, afterSeq) {
      const found: ReferralEvent[] = [];
      for (let seq = afterSeq + 1; ; seq++) {
        const event = await get(referralId, seq);
        if (!event) return found;
        found.push(event);
      }
    },
    async listUpTo(referralId, upToSeq) {
      const seqs = Array.from({ length: upToSeq }, (_, i) => i + 1);
      const events = await Promise.all(seqs.map((seq) => get(referralId, seq)));
      return events.filter((event): event is ReferralEvent => event !== undefined);
    },
  };
}
