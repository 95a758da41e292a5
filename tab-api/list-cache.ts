import {
  selectPipeline,
  type PipelineCounts,
  type PipelineFilter,
  type PipelineSort,
} from '../core/pipeline';
import type { DirectoryEntry, ReferralDirectory, Scope } from '../services/referral-directory';
import { LruCache } from '../storage/lru-cache';

/** What a filter keeps of what a scope sees, sorted, and the counts per state over the filter without its state. */
export interface Selection {
  counts: PipelineCounts;
  kept: DirectoryEntry[];
}

/**
 * The lists people page through, kept while nothing changed: a selection is computed once per scope, filter and
 * sort at a directory generation, so the next page, the CSV and the insights of the same filter cost a lookup and
 * a slice, not a pass over every referral. Any change to any referral moves the generation on and so makes every
 * kept selection unreachable. A filter that depends on the time (the flame's 72 h window) is kept for its minute.
 */
export interface ListCache {
  select(scope: Scope, filter: PipelineFilter, sort: PipelineSort, now: Date): Selection;
}

// A person paging through a few filters, times a few dozen people at once.
const SELECTIONS_KEPT = 64;
const MINUTE_MS = 60_000;

export function createListCache(directory: Pick<ReferralDirectory, 'inScope' | 'generation'>): ListCache {
  const kept = new LruCache<string, Selection>(SELECTIONS_KEPT);
  return {
    select(scope, filter, sort, now) {
      const key = JSON.stringify([
        directory.generation,
        scope.kind === 'teams' ? [...scope.teamIds].sort() : scope.channelId,
        scope.tenantId ?? null,
        filter,
        sort,
        filter.flame ? Math.floor(now.getTime() / MINUTE_MS) : null,
      ]);
      const held = kept.get(key);
      if (held) return held;
      const selection = selectPipeline(directory.inScope(scope), filter, sort, now);
      kept.set(key, selection);
      return selection;
    },
  };
}
