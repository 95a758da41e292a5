import type { ClosedSubstatus } from './referral';
import type { ReferralSummary } from './referral-summary';
import { createResponseStats, type ResponseStats } from './stats';
import { EXPIRY_WARNING_BEFORE_MS } from './timers';

export interface DigestPeriod {
  from: Date;
  to: Date;
}

export interface Digest {
  period: DigestPeriod;
  newInPeriod: number;
  awaiting: number;
  /** Awaiting for more than the recommended 24 h. */
  overdue: number;
  expiringSoon: number;
  activeCount: number;
  /** Estimated value of active engagements, per currency (amounts in different currencies never add up). */
  pipeline: Record<string, number>;
  outcomes: Record<ClosedSubstatus, { count: number; value: Record<string, number> }>;
  response: ResponseStats;
}

/**
 * A manager's digest, fed one referral at a time from three store cursors, so it never holds the referrals
 * themselves. FerretDB's `$group` computes only `$sum`/`$count`; medians and per-currency sums happen here.
 */
export function createDigest(period: DigestPeriod, now: Date) {
  const response = createResponseStats(now);
  const digest: Omit<Digest, 'response'> = {
    period,
    newInPeriod: 0,
    awaiting: 0,
    overdue: 0,
    expiringSoon: 0,
    activeCount: 0,
    pipeline: {},
    outcomes: {
      Won: { count: 0, value: {} },
      Lost: { count: 0, value: {} },
      Declined: { count: 0, value: {} },
      Expired: { count: 0, value: {} },
    },
  };
  const addTo = (sums: Record<string, number>, currency: string, amount: number) => {
    sums[currency] = (sums[currency] ?? 0) + amount;
  };
  return {
    /** A referral received in the period. */
    received(referral: ReferralSummary) {
      digest.newInPeriod++;
      response.add(referral);
    },
    /** A referral open now (New or Active). */
    open(referral: ReferralSummary) {
      if (referral.status === 'New') {
        digest.awaiting++;
        if (referral.respondByAt <= now) digest.overdue++;
        if (referral.expiresAt.getTime() - now.getTime() <= EXPIRY_WARNING_BEFORE_MS) digest.expiringSoon++;
      } else if (referral.status === 'Active' && referral.engagement) {
        digest.activeCount++;
        addTo(digest.pipeline, referral.engagement.value.currency, referral.engagement.value.amount);
      }
    },
    /** A referral closed in the period. */
    closed(referral: ReferralSummary) {
      if (!referral.closure) return;
      const outcome = digest.outcomes[referral.closure.substatus];
      outcome.count++;
      const value = referral.closure.value ?? referral.engagement?.value;
      if (value && referral.closure.substatus !== 'Declined' && referral.closure.substatus !== 'Expired')
        addTo(outcome.value, value.currency, value.amount);
    },
    result(): Digest {
      return { ...digest, response: response.result() };
    },
  };
}
