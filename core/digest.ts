import type { ClosedSubstatus, Person } from './referral';
import type { ReferralSummary } from './referral-summary';
import { isReportBackDue } from './report-back';
import { createResponseStats, type ResponseStats } from './stats';
import { EXPIRY_WARNING_BEFORE_MS } from './timers';

export interface DigestPeriod {
  from: Date;
  to: Date;
}

/** A referral a manager should act on, by name: the card links each to its thread. */
export interface DigestItem {
  id: string;
  customer: string;
  name: string;
  /** What makes it urgent: when its 24 h ran out, when it expires, or its passed purchase date. */
  at: Date;
  owner?: Person;
}

/** What one person (or nobody, `owner` absent) has open. */
export interface OwnerWorkload {
  owner?: Person;
  awaiting: number;
  active: number;
}

export interface Digest {
  period: DigestPeriod;
  newInPeriod: number;
  awaiting: number;
  /** Awaiting for more than the recommended 24 h. */
  overdue: number;
  expiringSoon: number;
  activeCount: number;
  /** Active referrals past their estimated purchase date: their owners are asked to report back. */
  reportBackDue: number;
  /** The most urgent of each, by name (at most DIGEST_ITEMS each; the counts above are the whole). */
  overdueItems: DigestItem[];
  expiringItems: DigestItem[];
  reportBackItems: DigestItem[];
  /** Open referrals per owner, the busiest first; those with no owner yet last. */
  workload: OwnerWorkload[];
  /** Estimated value of active engagements, per currency (amounts in different currencies never add up). */
  pipeline: Record<string, number>;
  outcomes: Record<ClosedSubstatus, { count: number; value: Record<string, number> }>;
  response: ResponseStats;
}

/** Referrals listed by name per kind: a manager acts on the first few; the rest are a count and a list away. */
export const DIGEST_ITEMS = 5;

/**
 * A manager's digest, fed one referral at a time from three store cursors, so it never holds the referrals
 * themselves. FerretDB's `$group` computes only `$sum`/`$count`; medians and per-currency sums happen here.
 */
export function createDigest(period: DigestPeriod, now: Date) {
  const response = createResponseStats(now);
  const lists = { overdue: [] as DigestItem[], expiring: [] as DigestItem[], reportBack: [] as DigestItem[] };
  const owners = new Map<string, OwnerWorkload>();
  const digest = {
    period,
    newInPeriod: 0,
    awaiting: 0,
    overdue: 0,
    expiringSoon: 0,
    activeCount: 0,
    reportBackDue: 0,
    pipeline: {} as Record<string, number>,
    outcomes: {
      Won: { count: 0, value: {} },
      Lost: { count: 0, value: {} },
      Declined: { count: 0, value: {} },
      Expired: { count: 0, value: {} },
    } as Digest['outcomes'],
  };
  const addTo = (sums: Record<string, number>, currency: string, amount: number) => {
    sums[currency] = (sums[currency] ?? 0) + amount;
  };
  const item = (r: ReferralSummary, at: Date): DigestItem => ({
    id: r.id,
    customer: r.customer.name,
    name: r.engagement?.name ?? r.name,
    at,
    ...(r.owner ? { owner: r.owner } : {}),
  });
  const workloadOf = (r: ReferralSummary) => {
    const key = r.owner?.id ?? '';
    const held = owners.get(key) ?? { ...(r.owner ? { owner: r.owner } : {}), awaiting: 0, active: 0 };
    owners.set(key, held);
    return held;
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
        workloadOf(referral).awaiting++;
        if (referral.respondByAt <= now) {
          digest.overdue++;
          lists.overdue.push(item(referral, referral.respondByAt));
        }
        if (referral.expiresAt.getTime() - now.getTime() <= EXPIRY_WARNING_BEFORE_MS) {
          digest.expiringSoon++;
          lists.expiring.push(item(referral, referral.expiresAt));
        }
      } else if (referral.status === 'Active' && referral.engagement) {
        digest.activeCount++;
        workloadOf(referral).active++;
        addTo(digest.pipeline, referral.engagement.value.currency, referral.engagement.value.amount);
        if (isReportBackDue(referral, now) && referral.engagement.purchaseDate) {
          digest.reportBackDue++;
          lists.reportBack.push(item(referral, referral.engagement.purchaseDate));
        }
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
      // The longest-waiting (or soonest-expiring, longest-overdue report) first.
      const first = (items: DigestItem[]) =>
        [...items]
          .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
          .slice(0, DIGEST_ITEMS);
      const workload = [...owners.values()].sort(
        (a, b) =>
          Number(a.owner === undefined) - Number(b.owner === undefined) ||
          b.awaiting + b.active - (a.awaiting + a.active) ||
          (a.owner?.name ?? '').localeCompare(b.owner?.name ?? ''),
      );
      return {
        ...digest,
        overdueItems: first(lists.overdue),
        expiringItems: first(lists.expiring),
        reportBackItems: first(lists.reportBack),
        workload,
        response: response.result(),
      };
    },
  };
}
