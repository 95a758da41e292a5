import type { CloseReason } from './referral';
import type { ReferralSummary } from './referral-summary';

/**
 * "Be choosy": Microsoft watches what a partner accepts and declines and sends more of the same, so each new
 * referral's card says how this team has answered similar ones. Explainable on purpose: one feature the new
 * referral shares with past ones, and the counts behind the verdict, all from the team's own referrals.
 */
export type FitFeature = 'solution' | 'product' | 'industry' | 'coSell' | 'size' | 'country';

export interface FitHint {
  /** What the similar referrals share with this one. */
  feature: FitFeature;
  /** The shared solution, product, industry, size bucket or country code ('' for co-sell). */
  value: string;
  /** Similar referrals someone accepted or declined. */
  decided: number;
  accepted: number;
  declined: number;
  /** Of the accepted ones, how many were won and lost so far. */
  won: number;
  lost: number;
  /** The most frequent reason among the declines, when there were any. */
  topDeclineReason?: CloseReason;
  verdict: 'good' | 'mixed' | 'poor';
}

/**
 * Fewer decided similar referrals than this and no hint is shown: three or four answers are as likely to be
 * chance as habit, and a hint that flips with the next referral would teach people to ignore it.
 */
export const MIN_SIMILAR_DECIDED = 5;
/** Accepting at least this share is a good fit, at most POOR_AT a poor one; in between, mixed. */
const GOOD_AT = 0.7;
const POOR_AT = 0.3;
/** A good accept rate with few wins among the finished ones is mixed: accepted, but rarely worth it. */
const FEW_WINS = 0.25;

export type FitSubject = Pick<
  ReferralSummary,
  'id' | 'solutions' | 'products' | 'industries' | 'customer' | 'coSell'
>;
export type FitHistory = FitSubject & Pick<ReferralSummary, 'response' | 'closure'>;

/** Features from the most specific to the broadest: the first with enough history speaks. */
const FEATURES: { feature: FitFeature; valuesOf(r: FitSubject): string[] }[] = [
  { feature: 'solution', valuesOf: (r) => r.solutions },
  { feature: 'product', valuesOf: (r) => r.products },
  { feature: 'industry', valuesOf: (r) => r.industries },
  { feature: 'coSell', valuesOf: (r) => (r.coSell ? [''] : []) },
  { feature: 'size', valuesOf: (r) => (r.customer.size ? [r.customer.size] : []) },
  { feature: 'country', valuesOf: (r) => (r.customer.country ? [r.customer.country] : []) },
];

/**
 * The hint for `referral` from `history` (the team's referrals, the referral itself skipped): for the most
 * specific feature with at least MIN_SIMILAR_DECIDED decided referrals sharing a value (the value with the most,
 * when several do), the counts and a verdict. Undefined when no feature has enough history.
 */
export function fitHint(referral: FitSubject, history: Iterable<FitHistory>): FitHint | undefined {
  const decided = [...history].filter((h) => h.id !== referral.id && h.response !== undefined);
  for (const { feature, valuesOf } of FEATURES) {
    let best: FitHint | undefined;
    for (const value of new Set(valuesOf(referral))) {
      const similar = decided.filter((h) => valuesOf(h).includes(value));
      if (similar.length < MIN_SIMILAR_DECIDED || (best && best.decided >= similar.length)) continue;
      best = hintFrom(feature, value, similar);
    }
    if (best) return best;
  }
  return undefined;
}

function hintFrom(feature: FitFeature, value: string, similar: FitHistory[]): FitHint {
  const accepted = similar.filter((h) => h.response?.action === 'accepted');
  const won = accepted.filter((h) => h.closure?.substatus === 'Won').length;
  const lost = accepted.filter((h) => h.closure?.substatus === 'Lost').length;
  const reasons = new Map<CloseReason, number>();
  for (const h of similar)
    if (h.response?.action === 'declined') {
      const reason = h.closure?.reason ?? 'other';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  const topDeclineReason = [...reasons.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0];
  const acceptShare = accepted.length / similar.length;
  const rarelyWon = won + lost > 0 && won / (won + lost) < FEW_WINS;
  const verdict = acceptShare <= POOR_AT ? 'poor' : acceptShare >= GOOD_AT && !rarelyWon ? 'good' : 'mixed';
  return {
    feature,
    value,
    decided: similar.length,
    accepted: accepted.length,
    declined: similar.length - accepted.length,
    won,
    lost,
    ...(topDeclineReason ? { topDeclineReason } : {}),
    verdict,
  };
}
