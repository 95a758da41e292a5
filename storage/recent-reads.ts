import { performance } from 'node:perf_hooks';
import { LruCache } from './lru-cache';

export interface RecentReadsOptions {
  maxAgeMs: number;
  /**
   * Keeps "not found" too. Right where most keys have no record (most channels have no settings saved); wrong where
   * a record written by another instance must be found at once.
   */
  keepMisses?: boolean;
  capacity?: number;
  now?: () => number;
}

/**
 * Point reads of small records that change seldom (a channel's settings, a conversation), kept for `maxAgeMs`:
 * every card drawn reads them, so without copies each change costs the store more round trips. This instance's
 * own writes replace or drop the copy at once; another instance's write is seen once the copy is older than
 * `maxAgeMs`.
 */
export class RecentReads<V> {
  // Past capacity the least recently used copy goes.
  private readonly entries: LruCache<string, { value: V | undefined; readAt: number }>;
  // Bumped by every write of this instance: a read that started before one may hold what it replaced.
  private writes = 0;
  private readonly now: () => number;

  constructor(private readonly options: RecentReadsOptions) {
    this.entries = new LruCache(options.capacity ?? 1_000);
    this.now = options.now ?? (() => performance.now());
  }

  async get(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const kept = this.entries.get(key);
    if (kept && this.now() - kept.readAt < this.options.maxAgeMs) return kept.value;
    const startedAt = this.now();
    const writesBefore = this.writes;
    const value = await read();
    if (this.writes !== writesBefore) return value;
    if (value === undefined && !this.options.keepMisses) this.entries.delete(key);
    else this.entries.set(key, { value, readAt: startedAt });
    return value;
  }

  /** This instance wrote `value`: later reads get it. */
  set(key: string, value: V): void {
    this.writes++;
    this.entries.set(key, { value, readAt: this.now() });
  }

  /** Drops the copies `isGone` picks: this instance removed their records. */
  forget(isGone: (key: string, value: V | undefined) => boolean): void {
    this.writes++;
    const gone = [...this.entries].filter(([key, { value }]) => isGone(key, value)).map(([key]) => key);
    for (const key of gone) this.entries.delete(key);
  }
}
