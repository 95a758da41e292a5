import {
  defaultSort,
  PIPELINE_SORTS,
  PIPELINE_STATES,
  type PipelineFilter,
  type PipelineSort,
} from '../core/pipeline';
import { CUSTOMER_SIZES, type CustomerSize } from '../core/referral';
import type { FieldError } from '../core/result';

/** A list, insights or CSV request's query, checked: the filter, the order and the page it asks for. */
export interface ListQuery {
  filter: PipelineFilter;
  sort: PipelineSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** `coSell=1` was asked for (applied once the referral model knows co-sell). */
  coSell: boolean;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
const MAX_AGE_DAYS = 3650;
const MAX_SEARCH_CHARS = 200;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const FILTERS = [
  'state',
  'q',
  'team',
  'channel',
  'region',
  'country',
  'size',
  'owner',
  'ageDays',
  'flame',
  'minValue',
  'maxValue',
  'coSell',
] as const;
const PAGING = ['sort', 'page', 'pageSize'] as const;
/** What the detail's and the lists' texts are written in; taken everywhere, used where there is text. */
const PRESENTATION = ['lang', 'tz'] as const;

export type QueryOutcome = { ok: true; query: ListQuery } | { ok: false; errors: FieldError[] };

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

/**
 * Reads the filters of docs/tab-api.md from `params`: every value checked, every problem reported at once on the
 * parameter's name, an unknown parameter refused (a typo would otherwise show everything). `viewerId` is who
 * `owner=me` means; `now` is what `ageDays` counts back from.
 */
export function parseListQuery(params: URLSearchParams, viewerId: string, now: Date): QueryOutcome {
  const errors: FieldError[] = [];
  const problem = (field: string, code: string, message: string) => errors.push({ field, code, message });
  const known = new Set<string>([...FILTERS, ...PAGING, ...PRESENTATION]);
  for (const name of new Set(params.keys())) {
    if (!known.has(name)) problem(name, 'unknown', `Unknown parameter "${name}".`);
    else if (params.getAll(name).length > 1) problem(name, 'repeated', `Give "${name}" once.`);
  }
  const value = (name: string) => {
    const raw = params.get(name);
    return raw === null || raw.trim() === '' ? undefined : raw.trim();
  };
  const filter: PipelineFilter = {};

  const state = value('state');
  if (state !== undefined) {
    if (isOneOf(PIPELINE_STATES, state)) filter.state = state;
    else problem('state', 'not-allowed', `state must be one of ${PIPELINE_STATES.join(', ')}.`);
  }
  const q = value('q');
  if (q !== undefined) {
    if (q.length > MAX_SEARCH_CHARS)
      problem('q', 'too-long', `Search for at most ${MAX_SEARCH_CHARS} characters.`);
    else filter.words = q.toLowerCase().split(/\s+/).filter(Boolean);
  }
  const team = value('team');
  if (team !== undefined) filter.teamId = team;
  const channel = value('channel');
  if (channel !== undefined) filter.channelId = channel;
  const region = value('region');
  if (region !== undefined) filter.region = region.toLowerCase();
  const country = value('country');
  if (country !== undefined) {
    if (/^[A-Za-z]{2}$/.test(country)) filter.country = country.toUpperCase();
    else problem('country', 'not-a-country', 'country must be a two-letter ISO 3166-1 code, e.g. KR.');
  }
  const size = value('size');
  if (size !== undefined) {
    const sizes = size.split(',').map((s) => s.trim());
    const wrong = sizes.filter((s) => !isOneOf(CUSTOMER_SIZES, s));
    if (wrong.length > 0)
      problem(
        'size',
        'not-allowed',
        `size must be among ${CUSTOMER_SIZES.join(', ')} (got ${wrong.join(', ')}).`,
      );
    else filter.sizes = sizes as CustomerSize[];
  }
  const owner = value('owner');
  if (owner !== undefined)
    filter.owner =
      owner === 'none' ? { kind: 'none' } : { kind: 'person', id: owner === 'me' ? viewerId : owner };
  const ageDays = integer(value('ageDays'), 'ageDays', 0, MAX_AGE_DAYS, problem);
  // From the start of the minute: a list kept for paging (list-cache.ts) stays the same for that minute.
  if (ageDays !== undefined)
    filter.receivedSince = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - ageDays * DAY_MS);
  const flame = value('flame');
  if (flame !== undefined) {
    if (flame === '1' || flame === '0') filter.flame = flame === '1';
    else problem('flame', 'not-allowed', 'flame must be 1 (or 0).');
  }
  const minValue = amount(value('minValue'), 'minValue', problem);
  const maxValue = amount(value('maxValue'), 'maxValue', problem);
  if (minValue !== undefined) filter.minValue = minValue;
  if (maxValue !== undefined) filter.maxValue = maxValue;
  if (minValue !== undefined && maxValue !== undefined && minValue > maxValue)
    problem('maxValue', 'below-min', 'maxValue must not be below minValue.');
  const coSell = value('coSell');
  if (coSell !== undefined && coSell !== '1' && coSell !== '0')
    problem('coSell', 'not-allowed', 'coSell must be 1 (or 0).');

  const sortText = value('sort');
  let sort = defaultSort(filter.state);
  if (sortText !== undefined) {
    if (isOneOf(PIPELINE_SORTS, sortText)) sort = sortText;
    else problem('sort', 'not-allowed', `sort must be one of ${PIPELINE_SORTS.join(', ')}.`);
  }
  const page = integer(value('page'), 'page', 1, 1_000_000, problem) ?? 1;
  const pageSize = integer(value('pageSize'), 'pageSize', 1, MAX_PAGE_SIZE, problem) ?? DEFAULT_PAGE_SIZE;
  const lang = value('lang');
  if (lang !== undefined && !/^(en|ko)([-_].*)?$/i.test(lang))
    problem('lang', 'not-allowed', 'lang must be en or ko.');

  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, query: { filter, sort, page, pageSize, coSell: coSell === '1' } };
}

type Problem = (field: string, code: string, message: string) => void;

function integer(raw: string | undefined, field: string, min: number, max: number, problem: Problem) {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (/^\d+$/.test(raw) && n >= min && n <= max) return n;
  problem(field, 'out-of-range', `${field} must be a whole number from ${min} to ${max}.`);
  return undefined;
}

function amount(raw: string | undefined, field: string, problem: Problem) {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (/^\d+(\.\d+)?$/.test(raw) && Number.isFinite(n)) return n;
  problem(field, 'not-a-number', `${field} must be a number of 0 or more, e.g. 50000.`);
  return undefined;
}
