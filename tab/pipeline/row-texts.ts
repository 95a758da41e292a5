// What the referral table writes, as plain text: the React table (referral-table.tsx) and the first page the
// page's first script draws (first-page.ts) show the same words from here. Times, money and sizes are as the
// service wrote them (the list's `shown`), so neither needs an Intl formatter of the browser's.
import type { Filters, ListRow, ReferralPage } from '../api/types';
import type { Words } from '../words';

export interface RowTexts {
  customer: string;
  /** The customer asked to be called and the 72 h have not run out: the row's flame. */
  isHot: boolean;
  /** Short id, size and solutions, under the customer. */
  about: string;
  received: string;
  due: string;
  value: string;
  owner: string;
  channel: string;
}

export function rowTexts(words: Words, filters: Filters, row: ListRow): RowTexts {
  return {
    customer: row.customer,
    isHot: row.flame === 'hot',
    about: [row.shortId, row.shown.size, row.solutions.join(', ')].filter(Boolean).join(' · '),
    received: row.shown.receivedAt ?? '',
    due: dueOf(filters, row),
    value: row.shown.value ?? '',
    owner: row.owner?.name ?? row.owner?.id ?? '',
    channel: row.place?.channelName ?? '',
  };
}

/** What `due` orders by, where a row shows it: the 24 h recommendation in the inbox, the purchase date when active. */
function dueOf(filters: Filters, row: ListRow): string {
  if (filters.state === 'inbox') return row.shown.respondBy ?? '';
  if (filters.state === 'active') return row.shown.purchaseBy ?? '';
  return '';
}

/** "11–20 of 134", for the page shown. */
export const pageRange = (words: Words, page: ReferralPage): string => words.s('list.range', page.shown);

export const tableCaption = (words: Words, filters: Filters) =>
  words.s('list.caption', { state: words.s(`state.${filters.state}`) });
