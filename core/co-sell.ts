import type { IncomingReferral } from './referral';

/**
 * A co-sell referral and who asked for it: a Microsoft seller (Partner Center's SalesQualified) or a partner
 * organisation that invited this one; `notes` is the inviter's own message.
 */
export interface CoSell {
  invitedBy: { kind: 'microsoft' } | { kind: 'partner'; name?: string };
  notes?: string;
}

type CoSellFields = Pick<IncomingReferral, 'type' | 'qualification' | 'inviteContext'>;

/**
 * Microsoft's rule for telling the kinds apart (docs/partner-center.md, "Co-sell fields"): Shared is co-sell; an
 * Independent referral is co-sell when it is SalesQualified or None and a partner organisation (not "msft")
 * invited us onto it; Direct
 * (marketplace) and MarketingQualified are leads. `invitedBy.organizationId = "msft"` is not relied on to name
 * Microsoft (real requests carry the partner's own id there): SalesQualified is what a Microsoft seller's request is.
 */
export function coSellOf(referral: CoSellFields): CoSell | undefined {
  const { type, qualification, inviteContext } = referral;
  const invitedBy = inviteContext?.invitedBy;
  // Independent and invited by "msft" is a qualified lead, not co-sell.
  const invited =
    (invitedBy?.organizationId !== undefined || invitedBy?.organizationName !== undefined) &&
    invitedBy.organizationId?.toLowerCase() !== 'msft';
  const isCoSell =
    type === 'Shared' ||
    (type === 'Independent' && (qualification === 'SalesQualified' || qualification === 'None') && invited);
  if (!isCoSell) return undefined;
  const byMicrosoft =
    qualification === 'SalesQualified' ||
    invitedBy?.organizationId?.toLowerCase() === 'msft' ||
    invitedBy?.organizationName === undefined;
  return {
    invitedBy: byMicrosoft
      ? { kind: 'microsoft' }
      : { kind: 'partner', ...(invitedBy?.organizationName ? { name: invitedBy.organizationName } : {}) },
    ...(inviteContext?.notes ? { notes: inviteContext.notes } : {}),
  };
}

export const isCoSell = (referral: CoSellFields): boolean => coSellOf(referral) !== undefined;
