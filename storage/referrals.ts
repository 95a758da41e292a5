import type { Collection, Db } from 'mongodb';
import type { Referral } from '../core/referral';
import { insertIfAbsent } from './mongo';

/**
 * The referral documents: a projection of the event log, kept for reading. It may lag the log (a writer can die
 * between appending an event and saving the projection, and FerretDB v1 applies updates as read-then-overwrite),
 * so whoever needs the exact state brings it up to date from the log first.
 */
export interface ReferralProjections {
  get(id: string): Promise<Referral | undefined>;
  /** Saves `referral` unless the stored one already has the same or a newer version; `at` is when. */
  save(referral: Referral, at: Date): Promise<void>;
  /** Every projection, streamed: the directory's start-up read. */
  all(): AsyncIterable<Referral>;
  /**
   * Projections saved after `after`, oldest first: how one instance learns what others changed. Needs an index
   * to be cheap, so only used against MongoDB (the embedded store serves one process).
   */
  savedAfter(after: Date, limit: number): Promise<{ referral: Referral; savedAt: Date }[]>;
}

type ReferralDoc = Referral & { _id: string; savedAt?: Date };

export const REFERRALS = 'referrals';

export async function ensureReferralIndexes(db: Db): Promise<void> {
  const referrals = db.collection(REFERRALS);
  await referrals.createIndex({ source: 1, externalId: 1 }, { unique: true, name: 'source_external_unique' });
  await referrals.createIndex({ savedAt: 1 }, { name: 'saved_at' });
}

export function referralProjections(db: Db): ReferralProjections {
  const referrals: Collection<ReferralDoc> = db.collection<ReferralDoc>(REFERRALS);
  return {
    async get(id) {
      const doc = await referrals.findOne({ _id: id });
      return doc ? fromDoc(doc) : undefined;
    },
    async save(referral, at) {
      // A point read, then a point write: a filter on `version` beside `_id` would make FerretDB read the whole
      // collection. Two savers can interleave (FerretDB has no atomic conditional write anyway); the log stays the
      // truth, and `load` folds whatever a projection missed.
      const doc = { ...referral, savedAt: at };
      for (let attempt = 0; attempt < 2; attempt++) {
        const stored = await referrals.findOne({ _id: referral.id }, { projection: { version: 1 } });
        if (stored && stored.version >= referral.version) return;
        if (stored) {
          await referrals.replaceOne({ _id: referral.id }, doc);
          return;
        }
        if (await insertIfAbsent(referrals, { _id: referral.id, ...doc })) return;
        // Someone inserted it first: compare with theirs once more.
      }
    },
    async *all() {
      for await (const doc of referrals.find({})) yield fromDoc(doc);
    },
    async savedAfter(after, limit) {
      const docs = await referrals
        .find({ savedAt: { $gt: after } })
        .sort({ savedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((doc) => ({ referral: fromDoc(doc), savedAt: doc.savedAt ?? after }));
    },
  };
}

function fromDoc({ _id: _ignored, savedAt: _saved, ...referral }: ReferralDoc): Referral {
  return referral as Referral;
}
