import type { CloseReason } from './referral';
import type { ReferralSummary } from './referral-summary';

export interface SolutionOutcome {
  /** The solution's name; undefined for referrals that named none. */
  solution?: string;
  won: number;
  lost: number;
  /** won / (won + lost). */
  winRate: number;
}

export interface OutcomeStats {
  /** Why referrals were declined, most frequent first (a decline with no reason counts as `other`). */
  declineReasons: { reason: CloseReason; count: number }[];
  /** Won and lost per solution, most decided first; a referral naming two solutions counts for each. */
  bySolution: SolutionOutcome[];
}

type Closed = Pick<ReferralSummary, 'solutions' | 'closure'>;

/** Decline reasons and win rate by solution over closed referrals (others are skipped). */
export function outcomeStats(referrals: Iterable<Closed>): OutcomeStats {
  const reasons = new Map<CloseReason, number>();
  const solutions = new Map<string | undefined, { won: number; lost: number }>();
  for (const { closure, solutions: names } of referrals) {
    if (closure?.substatus === 'Declined') {
      const reason = closure.reason ?? 'other';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (closure?.substatus !== 'Won' && closure?.substatus !== 'Lost') continue;
    for (const name of names.length > 0 ? new Set(names) : [undefined]) {
      const counts = solutions.get(name) ?? { won: 0, lost: 0 };
      solutions.set(name, counts);
      if (closure.substatus === 'Won') counts.won++;
      else counts.lost++;
    }
  }
  return {
    declineReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    bySolution: [...solutions.entries()]
      .map(([solution, { won, lost }]) => ({
        ...(solution !== undefined ? { solution } : {}),
        won,
        lost,
        winRate: won / (won + lost),
      }))
      .sort(
        (a, b) => b.won + b.lost - (a.won + a.lost) || (a.solution ?? '').localeCompare(b.solution ?? ''),
      ),
  };
}
