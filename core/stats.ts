import { RESPOND_WITHIN_MS } from './timers';
import type { ClosedSubstatus } from './referral';
import type { ReferralSummary } from './referral-summary';

/**
 * How a referral stands against the 24 h recommendation: answered within it (`on-time`), answered after it or
 * still unanswered past it (`late`), or unanswered with time left (`pending`: it may still be answered on time, so
 * it counts as neither).
 */
export type ResponseTiming = 'on-time' | 'late' | 'pending';

type Timed = Pick<ReferralSummary, 'receivedAt' | 'response'>;

export function responseTiming(referral: Timed, now: Date): ResponseTiming {
  const received = referral.receivedAt.getTime();
  if (referral.response) {
    return referral.response.at.getTime() - received <= RESPOND_WITHIN_MS ? 'on-time' : 'late';
  }
  return now.getTime() - received < RESPOND_WITHIN_MS ? 'pending' : 'late';
}

export interface ResponseStats {
  received: number;
  /** Referrals someone accepted or declined. */
  responded: number;
  /** Median time from arrival to the first response; undefined when nobody responded yet. */
  medianResponseMs?: number;
  onTime: number;
  late: number;
  /** Unanswered and still inside their 24 h. */
  pending: number;
  /**
   * Share answered within the recommended 24 h, of those whose 24 h are decided (on time or late), 0..1;
   * undefined when none is decided yet.
   */
  withinRecommendedShare?: number;
  stillNew: number;
  active: number;
  closed: Record<ClosedSubstatus, number>;
}

/**
 * Response statistics at `now` over referrals fed one at a time, so a caller can stream them. Keeps one number
 * per responded referral (for the median), never the referrals themselves.
 */
export function createResponseStats(now: Date): {
  add(referral: Pick<ReferralSummary, 'status' | 'receivedAt' | 'response' | 'closure'>): void;
  result(): ResponseStats;
} {
  const durations: number[] = [];
  const timing: Record<ResponseTiming, number> = { 'on-time': 0, late: 0, pending: 0 };
  let received = 0;
  let stillNew = 0;
  let active = 0;
  const closed: Record<ClosedSubstatus, number> = { Won: 0, Lost: 0, Declined: 0, Expired: 0 };
  return {
    add(referral) {
      received++;
      if (referral.status === 'New') stillNew++;
      if (referral.status === 'Active') active++;
      if (referral.closure) closed[referral.closure.substatus]++;
      timing[responseTiming(referral, now)]++;
      if (referral.response) durations.push(referral.response.at.getTime() - referral.receivedAt.getTime());
    },
    result() {
      const decided = timing['on-time'] + timing.late;
      return {
        received,
        responded: durations.length,
        medianResponseMs: median(durations),
        onTime: timing['on-time'],
        late: timing.late,
        pending: timing.pending,
        withinRecommendedShare: decided === 0 ? undefined : timing['on-time'] / decided,
        stillNew,
        active,
        closed: { ...closed },
      };
    },
  };
}

/** One person's or one channel's response times, for admins. */
export interface ResponseTimeRow {
  key: string;
  answered: number;
  medianResponseMs?: number;
  onTime: number;
  late: number;
  /** Of those decided (on time or late); undefined when none is. */
  onTimeShare?: number;
}

/**
 * Response times grouped by `groupOf` (a person, a channel), most answered first. A referral with no group (an
 * unanswered one, grouped by who answered) is left out.
 */
export function responseTimesBy<T extends Timed>(
  referrals: Iterable<T>,
  groupOf: (referral: T) => string | undefined,
  now: Date,
): ResponseTimeRow[] {
  const groups = new Map<string, { durations: number[]; onTime: number; late: number }>();
  for (const referral of referrals) {
    const key = groupOf(referral);
    if (key === undefined) continue;
    const group = groups.get(key) ?? { durations: [], onTime: 0, late: 0 };
    groups.set(key, group);
    const timing = responseTiming(referral, now);
    if (timing === 'on-time') group.onTime++;
    if (timing === 'late') group.late++;
    if (referral.response)
      group.durations.push(referral.response.at.getTime() - referral.receivedAt.getTime());
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      answered: g.durations.length,
      ...(g.durations.length > 0 ? { medianResponseMs: median(g.durations) } : {}),
      onTime: g.onTime,
      late: g.late,
      ...(g.onTime + g.late > 0 ? { onTimeShare: g.onTime / (g.onTime + g.late) } : {}),
    }))
    .sort((a, b) => b.answered - a.answered || a.key.localeCompare(b.key));
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
