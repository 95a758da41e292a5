import type { Filters } from '../api/types';
import type { HostContext } from '../host/teams-host';

export const PAGE_SIZE = 10;

export const EMPTY_FILTERS: Filters = {
  state: 'inbox',
  q: '',
  team: '',
  channel: '',
  region: '',
  size: '',
  owner: '',
  ageDays: '',
  flame: false,
  minValue: '',
  maxValue: '',
  coSell: false,
  sort: '',
  page: 1,
  pageSize: PAGE_SIZE,
};

/**
 * Where the tab opens: the personal tab (`?view=mine`) on the person's own referrals, a channel tab on the team
 * or channel its configuration chose (`?team=&channel=`, which the host's context fills in when absent).
 */
export function initialFilters(search: string, context?: HostContext): Filters {
  const params = new URLSearchParams(search);
  const isChannelTab = params.has('team') || params.has('channel');
  return {
    ...EMPTY_FILTERS,
    owner: params.get('view') === 'mine' ? 'me' : '',
    team: params.get('team') || (isChannelTab ? (context?.teamId ?? '') : ''),
    channel: params.get('channel') ?? '',
  };
}

/** The filters a person set (not the state, order or page), to offer "Clear filters" only when there are some. */
export const hasFilters = (filters: Filters, initial: Filters) =>
  (
    ['q', 'channel', 'region', 'size', 'owner', 'ageDays', 'flame', 'minValue', 'maxValue', 'coSell'] as const
  ).some((key) => filters[key] !== initial[key]);
