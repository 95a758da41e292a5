import type { Db } from 'mongodb';
import { LruCache } from './lru-cache';
import { insertIfAbsent } from './mongo';

/** Where a referral belongs: the channel it was routed to, and so the team (and tenant) whose members may see it. */
export interface ReferralPlace {
  channelId: string;
  teamId?: string;
  tenantId?: string;
}

/** Which channel owns a referral. Decided once: the first instance to insert the route wins, the rest read it. */
export interface ReferralRoutes {
  /** Records `place` unless another decision is already recorded; returns the recorded one. */
  decide(referralId: string, place: ReferralPlace, now: Date): Promise<ReferralPlace>;
  get(referralId: string): Promise<ReferralPlace | undefined>;
  /** Every route, for the directory's start-up read. */
  all(): AsyncIterable<{ referralId: string } & ReferralPlace>;
  /** Routes decided after `after` (MongoDB only, indexed): how one instance learns what another routed. */
  decidedAfter(
    after: Date,
    limit: number,
  ): Promise<({ referralId: string; decidedAt: Date } & ReferralPlace)[]>;
}

interface RouteDoc extends ReferralPlace {
  _id: string;
  decidedAt: Date;
}

export const REFERRAL_ROUTES = 'referral_routes';
const ROUTES_KEPT = 50_000;

export async function ensureReferralRouteIndexes(db: Db): Promise<void> {
  await db.collection(REFERRAL_ROUTES).createIndex({ decidedAt: 1 }, { name: 'decided_at' });
}

export function referralRoutes(db: Db): ReferralRoutes {
  const routes = db.collection<RouteDoc>(REFERRAL_ROUTES);
  // A route is decided once and never changes, so a copy is never stale; one not decided yet is not kept.
  const kept = new LruCache<string, ReferralPlace>(ROUTES_KEPT);
  const get = async (referralId: string) => {
    const held = kept.get(referralId);
    if (held) return held;
    const doc = await routes.findOne({ _id: referralId });
    if (!doc) return undefined;
    const place = placeOf(doc);
    kept.set(referralId, place);
    return place;
  };
  return {
    get,
    async decide(referralId, place, now) {
      if (await insertIfAbsent(routes, { _id: referralId, ...place, decidedAt: now })) {
        kept.set(referralId, place);
        return place;
      }
      const decided = await get(referralId);
      if (decided === undefined)
        throw new Error(`route of ${referralId} vanished after a duplicate-key insert`);
      return decided;
    },
    async *all() {
      for await (const doc of routes.find({})) yield { referralId: doc._id, ...placeOf(doc) };
    },
    async decidedAfter(after, limit) {
      const docs = await routes
        .find({ decidedAt: { $gt: after } })
        .sort({ decidedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((doc) => ({ referralId: doc._id, decidedAt: doc.decidedAt, ...placeOf(doc) }));
    },
  };
}

function placeOf(doc: RouteDoc): ReferralPlace {
  return {
    channelId: doc.channelId,
    ...(doc.teamId ? { teamId: doc.teamId } : {}),
    ...(doc.tenantId ? { tenantId: doc.tenantId } : {}),
  };
}
