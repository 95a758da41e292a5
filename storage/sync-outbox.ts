import type { Collection, Db } from 'mongodb';
import type { Actor } from '../core/referral';
import type { SyncState } from '../core/sources';
import { insertIfAbsent } from './mongo';

/**
 * One referral event waiting to be written back to its source. Keyed by the event itself (referralId, seq), so
 * the change effect and its recovery after a crash can both enqueue it and only one entry exists.
 * `pending` until sent; `superseded` when the source had moved on so the change no longer applies; `given-up`
 * when a person chose to stop retrying.
 */
export interface OutboxEntry {
  referralId: string;
  seq: number;
  eventType: string;
  state: 'pending' | 'sent' | 'superseded' | 'given-up';
  /** Attempts made so far; the next one is number attempts + 1. */
  attempts: number;
  /** Consecutive failed attempts: drives the backoff and the card's "sync failed — retrying". */
  failures: number;
  nextAttemptAt: Date;
  createdAt: Date;
  lastError?: string;
  doneAt?: Date;
  givenUpBy?: Actor;
}

export interface SyncOutbox {
  /** `enqueued`, or `exists` when this event is already in the outbox (whatever its state). */
  enqueue(
    entry: { referralId: string; seq: number; eventType: string },
    now: Date,
  ): Promise<'enqueued' | 'exists'>;
  /** Pending entries in (referralId, seq) order. */
  listPending(): Promise<OutboxEntry[]>;
  /**
   * Claims attempt `attempt` of an entry for the lease slot `slot`. Exactly one caller gets `true` per
   * (entry, attempt, slot): a unique insert, the one arbiter FerretDB and MongoDB agree on.
   */
  lease(entry: OutboxEntry, attempt: number, slot: number, holder: string, now: Date): Promise<boolean>;
  /** Records an attempt's outcome; an entry somebody gave up meanwhile stays given up. */
  finishAttempt(entry: OutboxEntry, outcome: AttemptOutcome): Promise<void>;
  stateOf(referralId: string): Promise<SyncState | undefined>;
  /** Gives up every pending entry of the referral; returns how many. */
  giveUp(referralId: string, actor: Actor, now: Date): Promise<number>;
}

export type AttemptOutcome =
  | { state: 'sent' | 'superseded'; at: Date; note?: string }
  | { state: 'retry'; nextAttemptAt: Date; error: string; isFailure: boolean };

type EntryDoc = OutboxEntry & { _id: string };
interface LeaseDoc {
  _id: string;
  entryId: string;
  attempt: number;
  holder: string;
  at: Date;
}

/** Every entry ever queued, by `_id` only: the unique insert that keeps each decision once. */
export const SYNC_OUTBOX = 'sync_outbox';
/**
 * The entries still pending, and those a person gave up on (the card says so): small, so the drainer and the
 * cards read all of it even where queries scan. The same documents as in the outbox, kept in step by their writer.
 */
export const SYNC_QUEUE = 'sync_queue';
export const SYNC_OUTBOX_LEASES = 'sync_outbox_leases';

export async function ensureSyncOutboxIndexes(db: Db): Promise<void> {
  await db.collection(SYNC_OUTBOX_LEASES).createIndex({ entryId: 1, attempt: 1 }, { name: 'entry_attempt' });
}

const entryId = (referralId: string, seq: number) => `${referralId}:${seq}`;

export function syncOutbox(db: Db): SyncOutbox {
  const durable = { writeConcern: { w: 'majority' as const, journal: true } };
  const entries: Collection<EntryDoc> = db.collection<EntryDoc>(SYNC_OUTBOX, durable);
  const queue: Collection<EntryDoc> = db.collection<EntryDoc>(SYNC_QUEUE, durable);
  const leases: Collection<LeaseDoc> = db.collection<LeaseDoc>(SYNC_OUTBOX_LEASES);
  /** Writes an entry's new state to both collections, by `_id`; done entries leave the queue. */
  async function save(doc: EntryDoc): Promise<void> {
    await entries.replaceOne({ _id: doc._id }, doc);
    if (doc.state === 'pending' || doc.state === 'given-up') {
      await queue.replaceOne({ _id: doc._id }, doc, { upsert: true });
      return;
    }
    await queue.deleteOne({ _id: doc._id });
    // A later decision reached the source: an earlier one given up on no longer describes the referral.
    await queue.deleteMany({ referralId: doc.referralId, state: 'given-up', seq: { $lt: doc.seq } });
  }
  return {
    async enqueue({ referralId, seq, eventType }, now) {
      const doc: EntryDoc = {
        _id: entryId(referralId, seq),
        referralId,
        seq,
        eventType,
        state: 'pending',
        attempts: 0,
        failures: 0,
        nextAttemptAt: now,
        createdAt: now,
      };
      // Queued first, so a crash between the two inserts leaves work to do, never a record with no work.
      await insertIfAbsent(queue, doc);
      if (await insertIfAbsent(entries, doc)) return 'enqueued';
      const earlier = await entries.findOne({ _id: doc._id });
      if (earlier && earlier.state !== 'pending') await save(earlier);
      return 'exists';
    },
    async listPending() {
      const docs = await queue.find({ state: 'pending' }).sort({ referralId: 1, seq: 1 }).toArray();
      return docs.map(fromDoc);
    },
    async lease(entry, attempt, slot, holder, now) {
      const id = entryId(entry.referralId, entry.seq);
      return insertIfAbsent(leases, {
        _id: `${id}#${attempt}@${slot}`,
        entryId: id,
        attempt,
        holder,
        at: now,
      });
    },
    async finishAttempt(entry, outcome) {
      const current = await entries.findOne({ _id: entryId(entry.referralId, entry.seq) });
      if (!current || current.state !== 'pending') return;
      const attempts = entry.attempts + 1;
      const next: EntryDoc =
        outcome.state === 'retry'
          ? {
              ...current,
              attempts,
              failures: outcome.isFailure ? entry.failures + 1 : entry.failures,
              nextAttemptAt: outcome.nextAttemptAt,
              lastError: outcome.error,
            }
          : {
              ...current,
              attempts,
              state: outcome.state,
              doneAt: outcome.at,
              ...(outcome.note ? { lastError: outcome.note } : {}),
            };
      await save(next);
    },
    async stateOf(referralId) {
      const live = await queue.find({ referralId }).sort({ seq: -1 }).toArray();
      const pending = live.filter((e) => e.state === 'pending');
      if (pending.length > 0) return pending.some((e) => e.failures > 0) ? 'failed' : 'pending';
      return live[0]?.state === 'given-up' ? 'given-up' : undefined;
    },
    async giveUp(referralId, actor, now) {
      const pending = await queue.find({ referralId, state: 'pending' }).toArray();
      for (const doc of pending) await save({ ...doc, state: 'given-up', givenUpBy: actor, doneAt: now });
      return pending.length;
    },
  };
}

function fromDoc({ _id: _ignored, ...entry }: EntryDoc): OutboxEntry {
  return entry;
}
