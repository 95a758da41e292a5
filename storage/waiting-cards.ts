import type { Db } from 'mongodb';
import { insertIfAbsent } from './mongo';

/**
 * Referrals whose channel card could not be posted yet, whatever their state: no channel was installed when they
 * arrived (or their post failed). Small: a referral leaves as soon as its card is posted.
 */
export interface WaitingCards {
  add(referralId: string, now: Date): Promise<void>;
  remove(referralId: string): Promise<void>;
  /** The longest-waiting first. */
  list(limit: number): Promise<string[]>;
}

export const WAITING_CARDS = 'waiting_cards';

export function waitingCards(db: Db): WaitingCards {
  const waiting = db.collection<{ _id: string; since: Date }>(WAITING_CARDS);
  return {
    async add(referralId, now) {
      // An insert, not an upsert: FerretDB's upsert is not atomic, and two callers at once may both insert.
      await insertIfAbsent(waiting, { _id: referralId, since: now });
    },
    async remove(referralId) {
      await waiting.deleteOne({ _id: referralId });
    },
    async list(limit) {
      const docs = await waiting.find({}).sort({ since: 1 }).limit(limit).toArray();
      return docs.map((doc) => doc._id);
    },
  };
}
