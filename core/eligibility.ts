// Deal registration and its pitfalls. Partner Center's documented eligibility: an Azure IP co-sell solution, a deal
// of at least USD 25,000, and a Microsoft-managed customer. The last one is not in the referral's data, so
// Microsoft's review decides it; the core judges the two it can see.
import type { Referral } from './referral';
import { PARTNER_CENTER_SOURCE } from './sources';
import { WON_TOO_SOON_MS } from './timers';

export const DEAL_REGISTRATION_MIN_USD = 25_000;

/** Warning code on Won: Partner Center may reject a deal registration marked Won within 72 h of the deal. */
export const WON_WITHIN_72H = 'won-within-72h';

// "Co-sell", "CoSell", "co sell" and "IpCoSell" alike.
const CO_SELL = /co[-\s]?sell/i;

/**
 * Whether the referral looks eligible for deal registration. The value is the partner's own estimate once
 * accepted, else the source's. Only USD values are judged: the core has no exchange rates (they would be I/O),
 * and guessing a conversion could promise a registration Microsoft then refuses.
 */
export function isDealRegistrationEligible(referral: Pick<Referral, 'details' | 'engagement'>): boolean {
  const value = referral.engagement?.value ?? referral.details.dealValue;
  const coSell = referral.details.requirements.solutions.some((solution) =>
    CO_SELL.test(solution.type ?? ''),
  );
  return coSell && value?.currency === 'USD' && value.amount >= DEAL_REGISTRATION_MIN_USD;
}

/** Within 72 h of acceptance, which is when the deal was created. */
export function isWonTooSoon(referral: Pick<Referral, 'response'>, now: Date): boolean {
  const acceptedAt = referral.response?.at;
  return acceptedAt !== undefined && now.getTime() - acceptedAt.getTime() < WON_TOO_SOON_MS;
}

/**
 * Partner Center's referrals workspace, where a won deal is registered (docs/partner-center.md, "Deal registration
 * in the UI"). No per-referral link is documented, so the card links here and names the referral.
 */
export const PARTNER_CENTER_REFERRALS_URL = 'https://partner.microsoft.com/dashboard/referrals/v2/leads';

/**
 * A won Partner Center referral whose deal registration is still to be made in Partner Center: the desk writes
 * the win and its value back, but does not submit the registration (the API path is undocumented on Learn and
 * needs contract facts the Won form does not ask for; see docs/partner-center.md, "Writing back").
 */
export function isDealRegistrationNext(
  referral: Pick<Referral, 'source' | 'substatus' | 'closure' | 'details' | 'engagement'>,
): boolean {
  return (
    referral.source === PARTNER_CENTER_SOURCE &&
    referral.substatus === 'Won' &&
    (referral.closure?.dealRegistration !== undefined || isDealRegistrationEligible(referral))
  );
}
