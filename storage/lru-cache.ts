/**
 * A map that keeps at most `capacity` entries, forgetting the least recently used first. For records that never
 * change once written (events, routes) a copy is never stale, whichever instance wrote it; a copy of one that does
 * change is only as good as its user's check (RecentReads' age, the log behind a referral's copy in apply).
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting moves the entry to the most recent end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Every entry, least recently used first. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries.entries();
  }

  get size(): number {
    return this.entries.size;
  }
}
