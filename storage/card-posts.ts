import type { Db } from 'mongodb';
import { isDuplicateKeyError } from './mongo';

/** A message the bot posted (or is posting) exactly once, found by its key, e.g. `referral-card:<id>`. */
export interface PostRecord {
  key: string;
  state: 'sending' | 'failed' | 'sent';
  attempt: number;
  leaseUntil?: Date;
  conversationId?: string;
  activityId?: string;
  sentAt?: Date;
  lastError?: string;
}

/** What happened to attempt `n` of a post; only its holder writes it after claiming. */
export interface AttemptDoc {
  _id: string;
  key: string;
  attempt: number;
  leaseUntil: Date;
  state: 'sending' | 'failed' | 'sent';
  error?: string;
}

interface SentDoc {
  _id: string;
  conversationId: string;
  activityId: string;
  sentAt: Date;
  attempt: number;
}

export interface CardPostStore {
  sent(key: string): Promise<PostRecord | undefined>;
  latestAttempt(key: string): Promise<AttemptDoc | undefined>;
  /** True when this caller now holds attempt `attempt`; false when another caller claimed it first. */
  claim(key: string, attempt: number, leaseUntil: Date): Promise<boolean>;
  recordSent(
    key: string,
    attempt: number,
    where: { conversationId: string; activityId: string },
    at: Date,
  ): Promise<void>;
  recordFailed(key: string, attempt: number, error: string): Promise<void>;
}

export const CARD_POSTS = 'card_posts';
export const CARD_POST_ATTEMPTS = 'card_post_attempts';

export async function ensureCardPostIndexes(db: Db): Promise<void> {
  await db.collection(CARD_POST_ATTEMPTS).createIndex({ key: 1, attempt: -1 }, { name: 'key_attempt' });
}

const attemptId = (key: string, attempt: number) => `${key}#${attempt}`;

/**
 * Two collections, both written by insert-once: `card_post_attempts` (one document per attempt; the `_id`
 * uniqueness decides who sends) and `card_posts` (one document per key once Teams accepted it). Neither relies on
 * update atomicity, which FerretDB v1 does not have.
 */
export function cardPosts(db: Db): CardPostStore {
  const sentDocs = db.collection<SentDoc>(CARD_POSTS);
  const attempts = db.collection<AttemptDoc>(CARD_POST_ATTEMPTS);
  return {
    async sent(key) {
      const doc = await sentDocs.findOne({ _id: key });
      return doc
        ? {
            key,
            state: 'sent',
            attempt: doc.attempt,
            conversationId: doc.conversationId,
            activityId: doc.activityId,
            sentAt: doc.sentAt,
          }
        : undefined;
    },
    async latestAttempt(key) {
      return (await attempts.find({ key }).sort({ attempt: -1 }).limit(1).next()) ?? undefined;
    },
    async claim(key, attempt, leaseUntil) {
      try {
        await attempts.insertOne({
          _id: attemptId(key, attempt),
          key,
          attempt,
          leaseUntil,
          state: 'sending',
        });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async recordSent(key, attempt, where, at) {
      try {
        await sentDocs.insertOne(
          { _id: key, ...where, sentAt: at, attempt },
          { writeConcern: { w: 'majority', j: true } },
        );
      } catch (error) {
        // Only a holder whose lease expired mid-send can get here second; the first record stays the truth.
        if (!isDuplicateKeyError(error)) throw error;
      }
      await attempts.updateOne({ _id: attemptId(key, attempt) }, { $set: { state: 'sent' } });
    },
    async recordFailed(key, attempt, error) {
      await attempts.updateOne({ _id: attemptId(key, attempt) }, { $set: { state: 'failed', error } });
    },
  };
}
