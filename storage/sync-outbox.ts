import type { Collection, Db } from 'mongodb';
import type { Actor } from '../core/referral';
import type { SyncState } from '../core/sources';
import { insertIfAbsent } from './mongo';

/**
 * One referral event waiting to be written back to its source. Keyed by the event itself (referralId, seq), so
 * the listener and the crash-recovery sweep can both enqueue it and only one entry exists.
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

export const SYNC_OUTBOX = 'sync_outbox';
export const SYNC_OUTBOX_LEASES = 'sync_outbox_leases';

export async function ensureSyncOutboxIndexes(db: Db): Promise<void> {
  const outbox = db.collection(SYNC_OUTBOX);
  await outbox.createIndex({ referralId: 1, seq: 1 }, { unique: true, name: 'referral_seq_unique' });
  await outbox.createIndex({ state: 1, referralId: 1, seq: 1 }, { name: 'state_referral_seq' });
  await db.collection(SYNC_OUTBOX_LEASES).createIndex({ entryId: 1, attempt: 1 }, { name: 'entry_attempt' });
}

const entryId = (referralId: string, seq: number) => `${referralId}:${seq}`;

export function syncOutbox(db: Db): SyncOutbox {
  const entries: Collection<EntryDoc> = db.collection<EntryDoc>(SYNC_OUTBOX, {
    writeConcern: { w: 'majority', journal: true },
  });
  const leases: Collection<LeaseDoc> = db.collection<LeaseDoc>(SYNC_OUTBOX_LEASES);
  return {
    async enqueue({ referralId, seq, eventType }, now) {
      const inserted = await insertIfAbsent(entries, {
        _id: entryId(referralId, seq),
        referralId,
        seq,
        eventType,
        state: 'pending',
        attempts: 0,
        failures: 0,
        nextAttemptAt: now,
        createdAt: now,
      });
      return inserted ? 'enqueued' : 'exists';
    },
    async listPending() {
      const docs = await entries.find({ state: 'pending' }).sort({ referralId: 1, seq: 1 }).toArray();
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
      const attempts = entry.attempts + 1;
      const set =
        outcome.state === 'retry'
          ? {
              attempts,
              failures: outcome.isFailure ? entry.failures + 1 : entry.failures,
              nextAttemptAt: outcome.nextAttemptAt,
              lastError: outcome.error,
            }
          : {
              attempts,
              state: outcome.state,
              doneAt: outcome.at,
              ...(outcome.note ? { lastError: outcome.note } : {}),
            };
      await entries.updateOne({ _id: entryId(entry.referralId, entry.seq), state: 'pending' }, { $set: set });
    },
    async stateOf(referralId) {
      const pending = await entries.find({ referralId, state: 'pending' }).toArray();
      if (pending.length > 0) return pending.some((e) => e.failures > 0) ? 'failed' : 'pending';
      const [latest] = await entries.find({ referralId }).sort({ seq: -1 }).limit(1).toArray();
      return latest?.state === 'given-up' ? 'given-up' : undefined;
    },
    async giveUp(referralId, actor, now) {
      const { modifiedCount } = await entries.updateMany(
        { referralId, state: 'pending' },
        { $set: { state: 'given-up', givenUpBy: actor, doneAt: now } },
      );
      return modifiedCount;
    },
  };
}

function fromDoc({ _id: _ignored, ...entry }: EntryDoc): OutboxEntry {
  return entry;
}
