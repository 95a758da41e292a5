import type { Referral } from '../core/referral';
import { summaryOf, type ReferralSummary } from '../core/referral-summary';
import type { ReferralPlace } from '../storage/referral-routes';

/** A referral as lists, counts and the tab see it: its summary and where it belongs. */
export type DirectoryEntry = ReferralSummary & { place?: ReferralPlace };

/**
 * Which referrals someone may see: those of the teams they belong to (in their tenant), or those routed to one
 * conversation. A referral not yet routed belongs to no team, and nobody sees it.
 */
export type Scope =
  | { kind: 'teams'; tenantId?: string; teamIds: ReadonlySet<string> }
  | { kind: 'channel'; tenantId?: string; channelId: string };

export function isInScope(entry: DirectoryEntry, scope: Scope): boolean {
  const { place } = entry;
  if (!place) return false;
  if (scope.tenantId !== undefined && place.tenantId !== undefined && place.tenantId !== scope.tenantId)
    return false;
  return scope.kind === 'channel'
    ? place.channelId === scope.channelId
    : place.teamId !== undefined && scope.teamIds.has(place.teamId);
}

/**
 * Every referral's summary, in memory. FerretDB over SQLite answers any query but a point read by scanning the
 * whole collection, so lists, counts, digests and the tab ask this instead: built once at start-up (one read of
 * the referrals and their routes), then kept current by the change effects, so a list costs what is in scope, not
 * what was ever received.
 */
export interface ReferralDirectory {
  /** Reads every projection and route (start-up); returns how many referrals it holds. */
  load(sources: {
    referrals: AsyncIterable<Referral>;
    routes: AsyncIterable<{ referralId: string } & ReferralPlace>;
  }): Promise<number>;
  /** A referral changed: its summary is replaced unless the one held is already as new. */
  put(referral: Referral): void;
  /** Its route was decided. */
  place(referralId: string, place: ReferralPlace): void;
  get(referralId: string): DirectoryEntry | undefined;
  /** The referrals `scope` may see, in no particular order. */
  inScope(scope: Scope): DirectoryEntry[];
  readonly size: number;
  /**
   * Goes up whenever an entry or a place changes: a result computed at one generation (a filtered, sorted list) is
   * still exact while the generation is the same.
   */
  readonly generation: number;
}

export function createReferralDirectory(): ReferralDirectory {
  const entries = new Map<string, DirectoryEntry>();
  const places = new Map<string, ReferralPlace>();
  let generation = 0;

  function put(referral: Referral): void {
    const held = entries.get(referral.id);
    if (held && held.version >= referral.version) return;
    const place = places.get(referral.id);
    entries.set(referral.id, { ...summaryOf(referral), ...(place ? { place } : {}) });
    generation++;
  }

  return {
    async load({ referrals, routes }) {
      for await (const route of routes) {
        const { referralId, ...place } = route;
        places.set(referralId, place);
      }
      for await (const referral of referrals) put(referral);
      return entries.size;
    },
    put,
    place(referralId, place) {
      places.set(referralId, place);
      const held = entries.get(referralId);
      if (held) entries.set(referralId, { ...held, place });
      generation++;
    },
    get: (referralId) => entries.get(referralId),
    inScope(scope) {
      const found: DirectoryEntry[] = [];
      for (const entry of entries.values()) if (isInScope(entry, scope)) found.push(entry);
      return found;
    },
    get size() {
      return entries.size;
    },
    get generation() {
      return generation;
    },
  };
}
