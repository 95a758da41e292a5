import type { Db, Filter } from 'mongodb';
import type { ClosedSubstatus, Referral } from '../core/referral';
import type { Page } from '../core/page';
import { REFERRALS } from './referrals';

export type { Page };

export interface ListScope {
  /** Only these referrals (a channel's); all when absent. */
  referralIds?: string[];
}

/** The read side: one method per question a command or digest asks. Reads the projection, which may lag briefly. */
export interface ReferralQueries {
  /** New referrals, the least time left to the 24 h recommendation first. */
  inbox(scope: ListScope, page: number, pageSize: number): Promise<Page<Referral>>;
  /** Active engagements, the soonest estimated purchase first. */
  active(scope: ListScope, page: number, pageSize: number): Promise<Page<Referral>>;
  /** Closed referrals, the most recently closed first. */
  archived(
    scope: ListScope,
    kind: ClosedSubstatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<Referral>>;
  /** Referrals a person accepted or closed. */
  respondedBy(actorId: string, page: number, pageSize: number): Promise<Page<Referral>>;
  /** Referrals whose id starts with `prefix` (people type short ids). At most `limit`. */
  byIdPrefix(prefix: string, limit: number): Promise<Referral[]>;
  /** Every referral received in [from, to), streamed so memory stays flat however many there are. */
  receivedBetween(from: Date, to: Date): AsyncIterable<Referral>;
}

export function referralQueries(db: Db): ReferralQueries {
  const referrals = db.collection<Referral & { _id: string }>(REFERRALS);
  const scoped = (scope: ListScope, filter: Filter<Referral & { _id: string }>) =>
    scope.referralIds ? { ...filter, _id: { $in: scope.referralIds } } : filter;
  async function page(
    filter: Filter<Referral & { _id: string }>,
    sort: Record<string, 1 | -1>,
    number: number,
    size: number,
  ): Promise<Page<Referral>> {
    // One more than a page tells whether another page exists without counting everything.
    const docs = await referrals
      .find(filter)
      .sort({ ...sort, _id: 1 })
      .skip(number * size)
      .limit(size + 1)
      .toArray();
    return { items: docs.slice(0, size).map(strip), page: number, hasMore: docs.length > size };
  }
  return {
    inbox: (scope, n, size) => page(scoped(scope, { status: 'New' }), { respondByAt: 1 }, n, size),
    active: (scope, n, size) =>
      page(scoped(scope, { status: 'Active' }), { 'engagement.purchase.date': 1, receivedAt: 1 }, n, size),
    archived: (scope, kind, n, size) =>
      page(
        scoped(scope, kind ? { status: 'Closed', substatus: kind } : { status: 'Closed' }),
        { 'closure.at': -1 },
        n,
        size,
      ),
    respondedBy: (actorId, n, size) => page({ 'response.by.id': actorId }, { 'response.at': -1 }, n, size),
    async byIdPrefix(prefix, limit) {
      const clean = prefix.toLowerCase().replace(/[^0-9a-z]/g, '');
      if (clean.length === 0) return [];
      const docs = await referrals
        .find({ _id: { $gte: clean, $lt: `${clean}~` } })
        .limit(limit)
        .toArray();
      return docs.map(strip);
    },
    async *receivedBetween(from, to) {
      for await (const doc of referrals.find({ receivedAt: { $gte: from, $lt: to } }).sort({ receivedAt: 1 }))
        yield strip(doc);
    },
  };
}

function strip({ _id: _ignored, ...referral }: Referral & { _id: string }): Referral {
  return referral as Referral;
}
