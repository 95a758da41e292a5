import type { Db } from 'mongodb';
import { insertIfAbsent } from './mongo';

/** A message the bot posts exactly once, found by its key, e.g. `referral-card:<id>`. */
export interface PostedMessage {
  key: string;
  conversationId?: string;
  activityId?: string;
  state: 'sending' | 'sent';
  /** Which attempt holds (or last held) the lease; attempt 1 is the record's first insert. */
  attempt: number;
  /** Until then the holder of `attempt` is presumed alive; a failed attempt sets it to the time it failed. */
  leaseEndsAt: Date;
  createdAt: Date;
  sentAt?: Date;
  lastError?: string;
}

/**
 * The storage behind post-once. Who may send is decided only by inserts under a unique key: the record's own
 * insert wins attempt 1, an attempt document's insert wins each takeover. Every update is written by the one holder
 * of an attempt to that attempt's own document (or, once sent, to the record), so FerretDB's non-atomic updates never
 * decide anything.
 */
export interface PostedMessages {
  /** The record, with the lease of its latest attempt. */
  get(key: string): Promise<PostedMessage | undefined>;
  /** True when this caller inserted the record and so holds attempt 1; false when it already existed. */
  claimFirst(key: string, leaseEndsAt: Date, now: Date): Promise<boolean>;
  /** True when this caller won attempt `attempt` (the previous lease ran out); false when someone else did. */
  claimNext(key: string, attempt: number, leaseEndsAt: Date, now: Date): Promise<boolean>;
  /** Moves `attempt`'s lease to `leaseEndsAt`: right before its request goes out, for as long as it may take. */
  renewLease(key: string, attempt: number, leaseEndsAt: Date): Promise<void>;
  /** When `attempt`'s lease ends (undefined if there is no such attempt): one point read. */
  leaseOf(key: string, attempt: number): Promise<Date | undefined>;
  /** One point write, right after Teams answered: the shorter this takes, the smaller the duplicate window. */
  recordSent(
    key: string,
    attempt: number,
    where: { conversationId: string; activityId: string },
    at: Date,
  ): Promise<void>;
  /** Ends `attempt`'s lease at `at`, so the next call with the key retries. */
  recordFailed(key: string, attempt: number, error: string, at: Date): Promise<void>;
}

const attemptId = (key: string, attempt: number) => `${key}#${attempt}`;

export const POSTED_MESSAGES = 'posted_messages';
export const POST_ATTEMPTS = 'post_attempts';

interface PostDoc extends Omit<PostedMessage, 'key' | 'lastError'> {
  _id: string;
}

interface AttemptDoc {
  /** `<key>#<attempt>`: unique without relying on any index having been created. */
  _id: string;
  key: string;
  attempt: number;
  leaseEndsAt: Date;
  claimedAt: Date;
  error?: string;
}

export async function ensurePostedMessageIndexes(db: Db): Promise<void> {
  await db
    .collection(POST_ATTEMPTS)
    .createIndex({ key: 1, attempt: 1 }, { unique: true, name: 'key_attempt_unique' });
}

export function postedMessages(db: Db): PostedMessages {
  const posts = db.collection<PostDoc>(POSTED_MESSAGES);
  const attempts = db.collection<AttemptDoc>(POST_ATTEMPTS);
  const insertAttempt = (key: string, attempt: number, leaseEndsAt: Date, now: Date) =>
    insertIfAbsent(attempts, { _id: attemptId(key, attempt), key, attempt, leaseEndsAt, claimedAt: now });

  return {
    async get(key) {
      const doc = await posts.findOne({ _id: key });
      if (!doc) return undefined;
      const { _id, ...record } = doc;
      if (record.state === 'sent') return { key, ...record };
      // The record may lag its attempts (a takeover's winner writes only its own attempt document), so the latest
      // attempt is found by point reads from the record's: a query on `key` would read every attempt ever made.
      let latest: AttemptDoc | null = null;
      for (let n = record.attempt; ; n++) {
        const found = await attempts.findOne({ _id: attemptId(key, n) });
        if (!found) break;
        latest = found;
      }
      if (!latest) return { key, ...record };
      return {
        key,
        ...record,
        attempt: latest.attempt,
        leaseEndsAt: latest.leaseEndsAt,
        ...(latest.error ? { lastError: latest.error } : {}),
      };
    },
    async claimFirst(key, leaseEndsAt, now) {
      const won = await insertIfAbsent(posts, {
        _id: key,
        state: 'sending',
        attempt: 1,
        leaseEndsAt,
        createdAt: now,
      });
      if (won) await insertAttempt(key, 1, leaseEndsAt, now);
      return won;
    },
    claimNext: (key, attempt, leaseEndsAt, now) => insertAttempt(key, attempt, leaseEndsAt, now),
    async renewLease(key, attempt, leaseEndsAt) {
      await attempts.updateOne({ _id: attemptId(key, attempt) }, { $set: { leaseEndsAt } });
    },
    async leaseOf(key, attempt) {
      const doc = await attempts.findOne(
        { _id: attemptId(key, attempt) },
        { projection: { leaseEndsAt: 1 } },
      );
      return doc?.leaseEndsAt;
    },
    async recordSent(key, attempt, where, at) {
      // Majority and journaled on MongoDB: once Teams holds the post, losing this write would post it again.
      // One round trip, by `_id` alone: FerretDB reads the whole collection for any other filter (a guard on
      // `state` here read every card ever posted, seconds each at 50,000), and until it lands a crash posts the card
      // twice. Should a holder whose lease ran out also land its post, both are in the channel and the record names
      // the one recorded last, which is the one later changes redraw.
      await posts.updateOne(
        { _id: key },
        { $set: { state: 'sent', attempt, ...where, sentAt: at } },
        { writeConcern: { w: 'majority', j: true } },
      );
    },
    async recordFailed(key, attempt, error, at) {
      await attempts.updateOne({ _id: attemptId(key, attempt) }, { $set: { leaseEndsAt: at, error } });
    },
  };
}
