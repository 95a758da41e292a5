import { pageOf, type Page } from '../core/page';
import type { ClosedSubstatus } from '../core/referral';
import type { DirectoryEntry, ReferralDirectory, Scope } from './referral-directory';

/** Narrows a list before it is paged: `only` keeps the referrals it says yes to (e.g. co-sell ones). */
export interface ListFilter {
  only?: (entry: DirectoryEntry) => boolean;
}

/** The lists people ask for, each one question, over what `scope` may see. */
export interface ReferralLists {
  /** New referrals, the least time left to the 24 h recommendation first. */
  inbox(scope: Scope, page: number, pageSize: number, filter?: ListFilter): Page<DirectoryEntry>;
  /** Active engagements, the soonest estimated purchase first. */
  active(scope: Scope, page: number, pageSize: number, filter?: ListFilter): Page<DirectoryEntry>;
  /** Closed referrals (of one kind, when given), the most recently closed first. */
  archived(
    scope: Scope,
    kind: ClosedSubstatus | undefined,
    page: number,
    pageSize: number,
    filter?: ListFilter,
  ): Page<DirectoryEntry>;
  /** What a person owns: open ones first (soonest due), then closed ones (latest first). */
  ownedBy(
    scope: Scope,
    personId: string,
    page: number,
    pageSize: number,
    filter?: ListFilter,
  ): Page<DirectoryEntry>;
  /** Referrals whose id starts with `prefix`, or whose customer's name contains `text`: what `show` looks for. */
  find(scope: Scope, text: string, limit: number): DirectoryEntry[];
  /** Every referral received in [from, to). */
  receivedBetween(scope: Scope, from: Date, to: Date): DirectoryEntry[];
  /** Open (New or Active) referrals. */
  open(scope: Scope): DirectoryEntry[];
  /** Referrals closed in [from, to). */
  closedBetween(scope: Scope, from: Date, to: Date): DirectoryEntry[];
}

const byTime =
  (at: (entry: DirectoryEntry) => number | undefined, direction: 1 | -1 = 1) =>
  (a: DirectoryEntry, b: DirectoryEntry) =>
    ((at(a) ?? Number.MAX_SAFE_INTEGER) - (at(b) ?? Number.MAX_SAFE_INTEGER)) * direction ||
    a.id.localeCompare(b.id);

export function createReferralLists(directory: Pick<ReferralDirectory, 'inScope'>): ReferralLists {
  const where = (scope: Scope, keep: (entry: DirectoryEntry) => boolean, filter: ListFilter = {}) =>
    directory.inScope(scope).filter((e) => keep(e) && (filter.only?.(e) ?? true));
  const within = (at: Date | undefined, from: Date, to: Date) => at !== undefined && at >= from && at < to;
  return {
    inbox: (scope, page, size, filter) =>
      pageOf(
        where(scope, (e) => e.status === 'New', filter).sort(byTime((e) => e.respondByAt.getTime())),
        page,
        size,
      ),
    active: (scope, page, size, filter) =>
      pageOf(
        where(scope, (e) => e.status === 'Active', filter).sort(
          byTime((e) => e.engagement?.purchaseDate?.getTime() ?? e.receivedAt.getTime() + 1e15),
        ),
        page,
        size,
      ),
    archived: (scope, kind, page, size, filter) =>
      pageOf(
        where(scope, (e) => e.status === 'Closed' && (!kind || e.substatus === kind), filter).sort(
          byTime((e) => e.closure?.at.getTime(), -1),
        ),
        page,
        size,
      ),
    ownedBy(scope, personId, page, size, filter) {
      const owned = where(scope, (e) => e.owner?.id === personId, filter);
      const open = owned.filter((e) => e.status !== 'Closed').sort(byTime((e) => e.respondByAt.getTime()));
      const closed = owned
        .filter((e) => e.status === 'Closed')
        .sort(byTime((e) => e.closure?.at.getTime(), -1));
      return pageOf([...open, ...closed], page, size);
    },
    find(scope, text, limit) {
      const wanted = text.trim().toLowerCase();
      if (wanted === '') return [];
      const visible = directory.inScope(scope);
      const byId = visible.filter((e) => e.id.startsWith(wanted));
      const found =
        byId.length > 0 ? byId : visible.filter((e) => e.customer.name.toLowerCase().includes(wanted));
      return found.sort((a, b) => a.id.localeCompare(b.id)).slice(0, limit);
    },
    receivedBetween: (scope, from, to) => where(scope, (e) => within(e.receivedAt, from, to)),
    open: (scope) => where(scope, (e) => e.status !== 'Closed'),
    closedBetween: (scope, from, to) => where(scope, (e) => within(e.closure?.at, from, to)),
  };
}
