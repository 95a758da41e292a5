import type { Referral } from './referral';

/**
 * Whether the customer's people may be shown (a card, the tab). Partner Center shares them only when the customer
 * agreed to be contacted, and takes them away again once the referral is declined or expired (docs/partner-center.md,
 * "Lifecycle rules"): the customer was told to pick another partner. A Won or Lost referral keeps them.
 */
export function showsCustomerContacts(referral: Pick<Referral, 'consent' | 'substatus'>): boolean {
  if (!referral.consent.contact) return false;
  return !(referral.substatus === 'Declined' || referral.substatus === 'Expired');
}
