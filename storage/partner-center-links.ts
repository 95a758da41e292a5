import type { Collection, Db } from 'mongodb';
import { insertIfAbsent } from './mongo';

/**
 * What ties a referral to its Partner Center record. Kept apart from the referral so the core stays free of one
 * source's bookkeeping: the Partner Center id, the eTag a PATCH must send as If-Match, the newest
 * `updatedDateTime` seen (older snapshots are dropped before they reach the core), and how far the write-back
 * sweep has looked at the referral's events.
 */
export interface PartnerCenterLink {
  referralId: string;
  partnerCenterId: string;
  eTag?: string;
  lastSeenModifiedAt?: Date;
  /** Events up to this seq have been considered for write-back. */
  sweptSeq: number;
  /** The referral is closed and its closing event considered: nothing more will be written back. */
  isSettled: boolean;
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
  /** Referrals whose events may still need writing back. */
  listUnsettled(): Promise<PartnerCenterLink[]>;
  markSwept(referralId: string, seq: number, isSettled: boolean): Promise<void>;
}

type LinkDoc = PartnerCenterLink & { _id: string };

export const PARTNER_CENTER_LINKS = 'partner_center_links';

export async function ensurePartnerCenterLinkIndexes(db: Db): Promise<void> {
  const links = db.collection(PARTNER_CENTER_LINKS);
  await links.createIndex({ partnerCenterId: 1 }, { unique: true, name: 'partner_center_id_unique' });
  await links.createIndex({ isSettled: 1 }, { name: 'settled' });
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
      const first = { _id: referralId, referralId, partnerCenterId, sweptSeq: 0, isSettled: false, ...seen };
      if (await insertIfAbsent(links, first)) return;
      // FerretDB may interleave two of these; the loser's eTag is at worst one step old, which costs one 412.
      await links.updateOne(
        {
          _id: referralId,
          $or: [{ lastSeenModifiedAt: { $lt: modifiedAt } }, { lastSeenModifiedAt: { $exists: false } }],
        },
        { $set: seen },
      );
    },
    async listUnsettled() {
      return (await links.find({ isSettled: false }).toArray()).map(fromDoc);
    },
    async markSwept(referralId, seq, isSettled) {
      await links.updateOne(
        { _id: referralId, sweptSeq: { $lt: seq } },
        { $set: { sweptSeq: seq, isSettled } },
      );
    },
  };
}

function fromDoc({ _id: _ignored, ...link }: LinkDoc): PartnerCenterLink {
  return link;
}
