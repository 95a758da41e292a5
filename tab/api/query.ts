import type { Filters } from './types';

/** The query string of a filter set: only what is set, so the server's defaults apply to the rest. */
export function queryOf(filters: Partial<Filters>, keep: readonly (keyof Filters)[] = ALL): string {
  const params = new URLSearchParams();
  for (const key of keep) {
    const value = filters[key];
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}

/** The list call's query: the filters, and the language and time zone the service writes the rows' texts in. */
export function listQueryOf(filters: Filters, locale: string, timeZone: string): string {
  const params = new URLSearchParams(queryOf(filters));
  params.set('lang', locale);
  params.set('tz', timeZone);
  return params.toString();
}

const ALL: (keyof Filters)[] = [
  'state',
  'q',
  'team',
  'channel',
  'region',
  'size',
  'owner',
  'ageDays',
  'flame',
  'minValue',
  'maxValue',
  'coSell',
  'sort',
  'page',
  'pageSize',
];

/** The filters without the list's own state, sort and page: what insights and counts are over. */
export const SCOPE_KEYS: (keyof Filters)[] = ALL.filter(
  (key) => !['state', 'sort', 'page', 'pageSize'].includes(key),
);
/** What the CSV shows: the list's filters and order, every page. */
export const EXPORT_KEYS: (keyof Filters)[] = ALL.filter((key) => !['page', 'pageSize'].includes(key));
