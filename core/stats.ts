import { RESPOND_WITHIN_MS } from './timers';
import type { ClosedSubstatus } from './referral';
import type { ReferralSummary } from './referral-summary';

export interface ResponseStats {
  received: number;
  /** Referrals someone accepted or declined. */
  responded: number;
  /** Median time from arrival to the first response; undefined when nobody responded yet. */
  medianResponseMs?: number;
  /** Share of received referrals answered within the recommended 24 h, 0..1; undefined when none arrived. */
  withinRecommendedShare?: number;
  stillNew: number;
  active: number;
  closed: Record<ClosedSubstatus, number>;
}

/**
 * Response statistics over referrals fed one at a time, so a caller can stream them from the store. Keeps one
 * number per responded referral (for the median), never the referrals themselves.
 */
export function createResponseStats(): {
  add(referral: Pick<ReferralSummary, 'status' | 'receivedAt' | 'response' | 'closure'>): void;
  result(): ResponseStats;
} {
  const durations: number[] = [];
  let received = 0;
  let withinRecommended = 0;
  let stillNew = 0;
  let active = 0;
  const closed: Record<ClosedSubstatus, number> = { Won: 0, Lost: 0, Declined: 0, Expired: 0 };
  return {
    add(referral) {
      received++;
      if (referral.status === 'New') stillNew++;
      if (referral.status === 'Active') active++;
      if (referral.closure) closed[referral.closure.substatus]++;
      if (!referral.response) return;
      const ms = referral.response.at.getTime() - referral.receivedAt.getTime();
      durations.push(ms);
      if (ms <= RESPOND_WITHIN_MS) withinRecommended++;
    },
    result() {
      return {
        received,
        responded: durations.length,
        medianResponseMs: median(durations),
        withinRecommendedShare: received === 0 ? undefined : withinRecommended / received,
        stillNew,
        active,
        closed: { ...closed },
      };
    },
  };
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
