// The managers' numbers over a set of referrals: the funnel, response against the 24 h recommendation, win rate
// and value by solution and industry, and the pipeline by estimated purchase month. Pure.
import type { Money } from './referral';
import type { ReferralSummary } from './referral-summary';
import { median } from './stats';
import { valueOf } from './pipeline';

export interface GroupInsight {
  name: string;
  received: number;
  accepted: number;
  won: number;
  lost: number;
  /** won / (won + lost); absent when none was closed either way. */
  winRate?: number;
  wonValue: number;
}

export interface PipelineInsights {
  funnel: { received: number; answered: number; accepted: number; won: number };
  response: { onTime: number; late: number; pending: number; medianHours?: number };
  bySolution: GroupInsight[];
  byIndustry: GroupInsight[];
  pipelineByMonth: { month: string; count: number; value: number }[];
  pipelineUndated: { count: number; value: number };
  /** The currency the values are summed in: the one most values are in. */
  currency?: string;
  /** Values in another currency, left out of the sums. */
  otherCurrencies: number;
}

type Summary = Pick<
  ReferralSummary,
  | 'status'
  | 'substatus'
  | 'receivedAt'
  | 'respondByAt'
  | 'response'
  | 'closure'
  | 'engagement'
  | 'solutions'
  | 'industries'
>;

const HOUR_MS = 3_600_000;

/** Accepted at some point: Active now, or Won or Lost since (accepted by the desk or in Partner Center). */
const wasAccepted = (r: Summary) =>
  r.status === 'Active' ||
  r.substatus === 'Won' ||
  r.substatus === 'Lost' ||
  r.response?.action === 'accepted';
const wasAnswered = (r: Summary) => wasAccepted(r) || r.substatus === 'Declined' || r.response !== undefined;

/** The currency most of `entries`' values are in (ties: alphabetical), if any has a value. */
function mainCurrency(entries: readonly Summary[]): string | undefined {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const value = valueOf(entry);
    if (value) seen.set(value.currency, (seen.get(value.currency) ?? 0) + 1);
  }
  return [...seen.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
}

export function pipelineInsights(entries: readonly Summary[], now: Date): PipelineInsights {
  const currency = mainCurrency(entries);
  let otherCurrencies = 0;
  /** The amount of `money` if it is in the main currency; counts it as left out otherwise. */
  const amountOf = (money: Money | undefined): number => {
    if (!money) return 0;
    if (money.currency === currency) return money.amount;
    otherCurrencies++;
    return 0;
  };

  const funnel = { received: 0, answered: 0, accepted: 0, won: 0 };
  const response = { onTime: 0, late: 0, pending: 0 };
  const answerHours: number[] = [];
  const solutions = new Map<string, GroupInsight>();
  const industries = new Map<string, GroupInsight>();
  const months = new Map<string, { count: number; value: number }>();
  const undated = { count: 0, value: 0 };

  for (const r of entries) {
    const accepted = wasAccepted(r);
    const won = r.substatus === 'Won';
    const lost = r.substatus === 'Lost';
    funnel.received++;
    if (wasAnswered(r)) funnel.answered++;
    if (accepted) funnel.accepted++;
    if (won) funnel.won++;

    if (r.response) {
      const ms = r.response.at.getTime() - r.receivedAt.getTime();
      answerHours.push(ms / HOUR_MS);
      if (r.response.at.getTime() <= r.respondByAt.getTime()) response.onTime++;
      else response.late++;
    } else if (r.status === 'New' || r.substatus === 'Expired') {
      // Not answered: late once the recommendation has passed, pending while it has not.
      if (now.getTime() < r.respondByAt.getTime()) response.pending++;
      else response.late++;
    }

    // Each value is counted once, even when the referral is in several groups.
    const wonValue = won ? amountOf(valueOf(r)) : 0;
    const add = (groups: Map<string, GroupInsight>, name: string) => {
      const group = groups.get(name) ?? { name, received: 0, accepted: 0, won: 0, lost: 0, wonValue: 0 };
      group.received++;
      if (accepted) group.accepted++;
      if (won) group.won++;
      if (lost) group.lost++;
      group.wonValue += wonValue;
      groups.set(name, group);
    };
    for (const name of new Set(r.solutions)) add(solutions, name);
    for (const name of new Set(r.industries)) add(industries, name);

    if (r.status === 'Active' && r.engagement) {
      const value = amountOf(r.engagement.value);
      const date = r.engagement.purchaseDate;
      const bucket = date ? monthOf(months, date) : undefined;
      const into = bucket ?? undated;
      into.count++;
      into.value += value;
    }
  }

  const medianHours = median(answerHours);
  return {
    funnel,
    response: {
      ...response,
      ...(medianHours !== undefined ? { medianHours: Math.round(medianHours * 10) / 10 } : {}),
    },
    bySolution: ranked(solutions),
    byIndustry: ranked(industries),
    pipelineByMonth: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, bucket]) => ({ month, ...bucket })),
    pipelineUndated: undated,
    ...(currency ? { currency } : {}),
    otherCurrencies,
  };
}

function monthOf(months: Map<string, { count: number; value: number }>, date: Date) {
  const month = date.toISOString().slice(0, 7);
  let bucket = months.get(month);
  if (!bucket) months.set(month, (bucket = { count: 0, value: 0 }));
  return bucket;
}

function ranked(groups: Map<string, GroupInsight>): GroupInsight[] {
  return [...groups.values()]
    .map((group) => {
      const closed = group.won + group.lost;
      return closed > 0 ? { ...group, winRate: group.won / closed } : group;
    })
    .sort((a, b) => b.received - a.received || a.name.localeCompare(b.name));
}
