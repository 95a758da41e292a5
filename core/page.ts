/** One page of a longer list, and whether another page follows. */
export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}
