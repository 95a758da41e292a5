import type { Db } from 'mongodb';
import { insertIfAbsent } from './mongo';

/** Which channel owns a referral. Decided once: the first instance to insert the route wins, the rest read it. */
export interface ReferralRoutes {
  /** Records `channelId` as the owner unless another decision is already recorded; returns the recorded one. */
  decide(referralId: string, channelId: string, now: Date): Promise<string>;
  get(referralId: string): Promise<string | undefined>;
  referralIdsOf(channelId: string): Promise<string[]>;
}

interface RouteDoc {
  _id: string;
  channelId: string;
  decidedAt: Date;
}

export const REFERRAL_ROUTES = 'referral_routes';

export async function ensureReferralRouteIndexes(db: Db): Promise<void> {
  await db.collection(REFERRAL_ROUTES).createIndex({ channelId: 1 }, { name: 'channel' });
}

export function referralRoutes(db: Db): ReferralRoutes {
  const routes = db.collection<RouteDoc>(REFERRAL_ROUTES);
  const get = async (referralId: string) => (await routes.findOne({ _id: referralId }))?.channelId;
  return {
    get,
    async decide(referralId, channelId, now) {
      if (await insertIfAbsent(routes, { _id: referralId, channelId, decidedAt: now })) return channelId;
      const decided = await get(referralId);
      if (decided === undefined)
        throw new Error(`route of ${referralId} vanished after a duplicate-key insert`);
      return decided;
    },
    async referralIdsOf(channelId) {
      return (await routes.find({ channelId }, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id);
    },
  };
}
