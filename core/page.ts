/** One page of a longer list: its items, where it starts, and how many there are in all ("11–20 of 47"). */
export interface Page<T> {
  items: T[];
  /** 0-based. */
  page: number;
  pageSize: number;
  total: number;
  hasMore: boolean;
}

/** The `page`th page of `items` (already filtered and sorted). */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const start = page * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page,
    pageSize,
    total: items.length,
    hasMore: start + pageSize < items.length,
  };
}
