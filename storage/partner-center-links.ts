import type { Collection, Db } from 'mongodb';
import { insertIfAbsent } from './mongo';

/**
 * What ties a referral to its Partner Center record. Kept apart from the referral so the core stays free of one
 * source's bookkeeping: the Partner Center id, the eTag last seen (sent as If-Match with a PATCH), and the newest
 * `updatedDateTime` seen (older snapshots are dropped before they reach the core).
 */
export interface PartnerCenterLink {
  referralId: string;
  partnerCenterId: string;
  eTag?: string;
  lastSeenModifiedAt?: Date;
}

export interface PartnerCenterLinks {
  get(referralId: string): Promise<PartnerCenterLink | undefined>;
  /** Records a snapshot's eTag and modification time, unless a newer one is already recorded. */
  recordSeen(
    referralId: string,
    partnerCenterId: string,
    eTag: string | undefined,
    modifiedAt: Date,
  ): Promise<void>;
}

type LinkDoc = PartnerCenterLink & { _id: string };

export const PARTNER_CENTER_LINKS = 'partner_center_links';

export async function ensurePartnerCenterLinkIndexes(db: Db): Promise<void> {
  const links = db.collection(PARTNER_CENTER_LINKS);
  await links.createIndex({ partnerCenterId: 1 }, { unique: true, name: 'partner_center_id_unique' });
}

export function partnerCenterLinks(db: Db): PartnerCenterLinks {
  const links: Collection<LinkDoc> = db.collection<LinkDoc>(PARTNER_CENTER_LINKS);
  return {
    async get(referralId) {
      const doc = await links.findOne({ _id: referralId });
      return doc ? fromDoc(doc) : undefined;
    },
    async recordSeen(referralId, partnerCenterId, eTag, modifiedAt) {
      const seen = { ...(eTag ? { eTag } : {}), lastSeenModifiedAt: modifiedAt };
      if (await insertIfAbsent(links, { _id: referralId, referralId, partnerCenterId, ...seen })) return;
      // A point read, then a point write (a filter beside `_id` would read every link). FerretDB may interleave
      // two of these; the loser's eTag is at worst one step old, which costs one 412.
      const known = await links.findOne({ _id: referralId }, { projection: { lastSeenModifiedAt: 1 } });
      if (known?.lastSeenModifiedAt && known.lastSeenModifiedAt >= modifiedAt) return;
      await links.updateOne({ _id: referralId }, { $set: seen });
    },
  };
}

function fromDoc({ _id: _ignored, ...link }: LinkDoc): PartnerCenterLink {
  return link;
}
