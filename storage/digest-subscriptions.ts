import type { Db } from 'mongodb';
import type { DigestSchedule } from '../core/digest-schedule';

/** A chat or channel that asked for digests, and when the next one is due. */
export interface DigestSubscription {
  conversationId: string;
  serviceUrl: string;
  /** The Teams channel, when the subscription is a channel's: its digest covers the channel's referrals. */
  channelId?: string;
  locale: string;
  schedule: DigestSchedule;
  nextAt: Date;
  createdBy: { id: string; name: string };
  tenantId?: string;
}

export interface DigestSubscriptions {
  save(subscription: DigestSubscription): Promise<void>;
  remove(conversationId: string): Promise<boolean>;
  due(now: Date, limit: number): Promise<DigestSubscription[]>;
  /** Moves a subscription on after its digest went out; `from` guards against moving it twice. */
  advance(conversationId: string, from: Date, to: Date): Promise<void>;
}

type SubscriptionDoc = DigestSubscription & { _id: string };
export const DIGEST_SUBSCRIPTIONS = 'digest_subscriptions';

export async function ensureDigestSubscriptionIndexes(db: Db): Promise<void> {
  await db.collection(DIGEST_SUBSCRIPTIONS).createIndex({ nextAt: 1 }, { name: 'next_at' });
}

export function digestSubscriptions(db: Db): DigestSubscriptions {
  const collection = db.collection<SubscriptionDoc>(DIGEST_SUBSCRIPTIONS);
  return {
    async save(subscription) {
      // A person's explicit choice: the latest command wins.
      await collection.replaceOne({ _id: subscription.conversationId }, subscription, { upsert: true });
    },
    async remove(conversationId) {
      return (await collection.deleteOne({ _id: conversationId })).deletedCount > 0;
    },
    async due(now, limit) {
      const docs = await collection
        .find({ nextAt: { $lte: now } })
        .sort({ nextAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map(({ _id: _ignored, ...s }) => s);
    },
    async advance(conversationId, from, to) {
      // Two workers may both finish the same digest; whichever writes, the result is the same `to`.
      await collection.updateOne({ _id: conversationId, nextAt: from }, { $set: { nextAt: to } });
    },
  };
}
