import type { Collection, Db } from 'mongodb';
import type { Referral } from '../core/referral';
import { insertIfAbsent } from './mongo';

/**
 * The referral documents: a projection of the event log, kept for reading and querying. It may lag the log
 * (a writer can die between appending an event and saving the projection, and FerretDB v1 applies updates as
 * read-then-overwrite), so whoever needs the exact state brings it up to date from the log first.
 */
export interface ReferralProjections {
  get(id: string): Promise<Referral | undefined>;
  /** Saves `referral` unless the stored one already has the same or a newer version. */
  save(referral: Referral): Promise<void>;
}

type ReferralDoc = Referral & { _id: string };

export const REFERRALS = 'referrals';

export async function ensureReferralIndexes(db: Db): Promise<void> {
  const referrals = db.collection(REFERRALS);
  await referrals.createIndex({ source: 1, externalId: 1 }, { unique: true, name: 'source_external_unique' });
  await referrals.createIndex({ status: 1, receivedAt: 1 }, { name: 'status_received' });
  await referrals.createIndex({ status: 1, substatus: 1, 'closure.at': -1 }, { name: 'status_closed_at' });
}

export function referralProjections(db: Db): ReferralProjections {
  const referrals: Collection<ReferralDoc> = db.collection<ReferralDoc>(REFERRALS);
  return {
    async get(id) {
      const doc = await referrals.findOne({ _id: id });
      return doc ? fromDoc(doc) : undefined;
    },
    async save(referral) {
      // A point read, then a point write: a filter on `version` beside `_id` would make FerretDB read the whole
      // collection. Two savers can interleave (FerretDB has no atomic conditional write anyway); the log stays the
      // truth, and `load` folds whatever a projection missed.
      for (let attempt = 0; attempt < 2; attempt++) {
        const stored = await referrals.findOne({ _id: referral.id }, { projection: { version: 1 } });
        if (stored && stored.version >= referral.version) return;
        if (stored) {
          await referrals.replaceOne({ _id: referral.id }, referral);
          return;
        }
        if (await insertIfAbsent(referrals, { _id: referral.id, ...referral })) return;
        // Someone inserted it first: compare with theirs once more.
      }
    },
  };
}

function fromDoc({ _id: _ignored, ...referral }: ReferralDoc): Referral {
  return referral as Referral;
}
