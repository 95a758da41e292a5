// The pipeline as the tab shows it: which state a referral is in, which referrals a filter keeps, in which order,
// and how many there are of each state. Pure: the referrals (their summaries) and the time are passed in.
import type { CustomerSize, Money, Status, Substatus } from './referral';
import type { ReferralSummary } from './referral-summary';
import { isFlameHot } from './timers';

export const PIPELINE_STATES = ['inbox', 'active', 'won', 'lost', 'declined', 'expired'] as const;
export type PipelineState = (typeof PIPELINE_STATES)[number];

export const PIPELINE_SORTS = ['received', '-received', 'due', 'value', '-value', 'customer'] as const;
export type PipelineSort = (typeof PIPELINE_SORTS)[number];

/** A summary and where it belongs: what the directory holds for each referral. */
export type PipelineEntry = ReferralSummary & { place?: { channelId: string; teamId?: string } };

/** What a person narrows the pipeline to; every part is optional, and all of them must hold. */
export interface PipelineFilter {
  state?: PipelineState;
  /** Lower-case words, each of which must be found in the referral's search text. */
  words?: string[];
  teamId?: string;
  channelId?: string;
  /** Lower case. */
  region?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  sizes?: readonly CustomerSize[];
  /** `none`: nobody owns it; otherwise the owner's Entra object id. */
  owner?: { kind: 'none' } | { kind: 'person'; id: string };
  /** Received at or after this time. */
  receivedSince?: Date;
  /** Only contact-me referrals whose 72 h window is still open. */
  flame?: boolean;
  minValue?: number;
  maxValue?: number;
}

export type PipelineCounts = Record<PipelineState, number>;

export interface PipelinePage<T> {
  counts: PipelineCounts;
  /** How many the filter keeps, state included. */
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  items: T[];
}

export function pipelineStateOf(referral: { status: Status; substatus: Substatus }): PipelineState {
  if (referral.status === 'New') return 'inbox';
  if (referral.status === 'Active') return 'active';
  switch (referral.substatus) {
    case 'Won':
      return 'won';
    case 'Lost':
      return 'lost';
    case 'Declined':
      return 'declined';
    default:
      return 'expired';
  }
}

/** The deal's value once won, else the engagement's estimate; none before it is accepted. */
export function valueOf(entry: Pick<ReferralSummary, 'closure' | 'engagement'>): Money | undefined {
  return entry.closure?.value ?? entry.engagement?.value;
}

/** `hot` while the customer's call-me window is open and nobody answered; `cooled` after, for a contact-me one. */
export function flameOf(
  entry: Pick<ReferralSummary, 'status' | 'customerRequestedContact' | 'flameEndsAt'>,
  now: Date,
): 'hot' | 'cooled' | undefined {
  if (!entry.customerRequestedContact) return undefined;
  return isFlameHot(entry, now) ? 'hot' : 'cooled';
}

/** Whether `entry` passes every part of `filter` but its state. */
export function matchesFilter(entry: PipelineEntry, filter: PipelineFilter, now: Date): boolean {
  const { customer } = entry;
  if (filter.teamId !== undefined && entry.place?.teamId !== filter.teamId) return false;
  if (filter.channelId !== undefined && entry.place?.channelId !== filter.channelId) return false;
  if (filter.region !== undefined && (customer.region ?? '').toLowerCase() !== filter.region) return false;
  if (filter.country !== undefined && (customer.country ?? '').toUpperCase() !== filter.country) return false;
  if (filter.sizes !== undefined && (!customer.size || !filter.sizes.includes(customer.size))) return false;
  if (filter.owner?.kind === 'none' && entry.owner) return false;
  if (filter.owner?.kind === 'person' && entry.owner?.id !== filter.owner.id) return false;
  if (filter.receivedSince !== undefined && entry.receivedAt.getTime() < filter.receivedSince.getTime())
    return false;
  if (filter.flame && !isFlameHot(entry, now)) return false;
  if (filter.minValue !== undefined || filter.maxValue !== undefined) {
    const value = valueOf(entry);
    if (!value) return false;
    if (filter.minValue !== undefined && value.amount < filter.minValue) return false;
    if (filter.maxValue !== undefined && value.amount > filter.maxValue) return false;
  }
  if (filter.words) for (const word of filter.words) if (!entry.searchText.includes(word)) return false;
  return true;
}

const NEVER = Number.MAX_SAFE_INTEGER;

/** When a referral is due: the 24 h recommendation while New, the purchase date while Active, its closing after. */
export function dueAt(entry: PipelineEntry): number {
  if (entry.status === 'New') return entry.respondByAt.getTime();
  if (entry.status === 'Active') return entry.engagement?.purchaseDate?.getTime() ?? NEVER;
  return entry.closure?.at.getTime() ?? NEVER;
}

/** The order `sort` asks for; ties by id, so pages never overlap or skip. */
export function comparePipeline(sort: PipelineSort): (a: PipelineEntry, b: PipelineEntry) => number {
  const byId = (a: PipelineEntry, b: PipelineEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const by =
    (key: (entry: PipelineEntry) => number, direction: 1 | -1) => (a: PipelineEntry, b: PipelineEntry) =>
      (key(a) - key(b)) * direction || byId(a, b);
  switch (sort) {
    case 'received':
      return by((e) => e.receivedAt.getTime(), 1);
    case '-received':
      return by((e) => e.receivedAt.getTime(), -1);
    case 'due':
      return by(dueAt, 1);
    // A referral with no value comes last either way.
    case 'value':
      return by((e) => valueOf(e)?.amount ?? NEVER, 1);
    case '-value':
      return (a, b) => {
        const [x, y] = [valueOf(a)?.amount, valueOf(b)?.amount];
        if (x === undefined || y === undefined) return x === y ? byId(a, b) : x === undefined ? 1 : -1;
        return y - x || byId(a, b);
      };
    case 'customer':
      return (a, b) => a.customer.name.localeCompare(b.customer.name) || byId(a, b);
  }
}

/** The sort a list gets when none is asked for: soonest due while open, newest first once closed (or all). */
export function defaultSort(state: PipelineState | undefined): PipelineSort {
  return state === 'inbox' || state === 'active' ? 'due' : '-received';
}

export const emptyCounts = (): PipelineCounts => ({
  inbox: 0,
  active: 0,
  won: 0,
  lost: 0,
  declined: 0,
  expired: 0,
});

/**
 * Everything `filter` keeps of `entries`, sorted, and the counts per state over the filter without its state: one
 * pass over the entries, then a sort of only those kept.
 */
export function selectPipeline<T extends PipelineEntry>(
  entries: Iterable<T>,
  filter: PipelineFilter,
  sort: PipelineSort,
  now: Date,
): { counts: PipelineCounts; kept: T[] } {
  const counts = emptyCounts();
  const kept: T[] = [];
  for (const entry of entries) {
    if (!matchesFilter(entry, filter, now)) continue;
    const state = pipelineStateOf(entry);
    counts[state]++;
    if (filter.state === undefined || filter.state === state) kept.push(entry);
  }
  kept.sort(comparePipeline(sort));
  return { counts, kept };
}

/** One page (1-based) of what `selectPipeline` kept; a page past the end is empty. */
export function pipelinePage<T extends PipelineEntry>(
  entries: Iterable<T>,
  filter: PipelineFilter,
  sort: PipelineSort,
  page: number,
  pageSize: number,
  now: Date,
): PipelinePage<T> {
  const { counts, kept } = selectPipeline(entries, filter, sort, now);
  const start = (page - 1) * pageSize;
  return { counts, total: kept.length, page, pageSize, items: kept.slice(start, start + pageSize) };
}
