import type { Db, Filter } from 'mongodb';
import type { DigestPeriod } from '../core/digest';
import type { Referral } from '../core/referral';
import { REFERRALS } from './referrals';

type ReferralDoc = Referral & { _id: string };

/** The three streams a digest reads, each a cursor over an indexed query, never a whole collection in memory. */
export interface DigestSource {
  receivedIn(period: DigestPeriod, ids?: string[]): AsyncIterable<Referral>;
  open(ids?: string[]): AsyncIterable<Referral>;
  closedIn(period: DigestPeriod, ids?: string[]): AsyncIterable<Referral>;
}

export function digestSource(db: Db): DigestSource {
  const referrals = db.collection<ReferralDoc>(REFERRALS);
  async function* stream(filter: Filter<ReferralDoc>, ids?: string[]): AsyncIterable<Referral> {
    const scoped = ids ? { ...filter, _id: { $in: ids } } : filter;
    for await (const { _id: _ignored, ...referral } of referrals.find(scoped)) yield referral as Referral;
  }
  return {
    receivedIn: (period, ids) => stream({ receivedAt: { $gte: period.from, $lt: period.to } }, ids),
    open: (ids) => stream({ status: { $in: ['New', 'Active'] } }, ids),
    closedIn: (period, ids) =>
      stream({ status: 'Closed', 'closure.at': { $gte: period.from, $lt: period.to } }, ids),
  };
}

export async function ensureDigestSourceIndexes(db: Db): Promise<void> {
  const referrals = db.collection(REFERRALS);
  await referrals.createIndex({ receivedAt: 1 }, { name: 'received_at' });
  await referrals.createIndex({ 'closure.at': 1 }, { name: 'closed_at' });
}
