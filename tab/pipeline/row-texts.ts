// What the referral table writes, as plain text: the React table (referral-table.tsx) and the first page the
// page's first script draws (first-page.ts) show the same words from here.
import type { Filters, ReferralPage, Row } from '../api/types';
import type { Strings } from '../strings';
import { showCount, showDate, showDateTime, showMoney, showSize } from './show';

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

export function rowTexts(strings: Strings, filters: Filters, row: Row): RowTexts {
  return {
    customer: row.customer,
    isHot: row.flame === 'hot',
    about: [row.shortId, showSize(strings, row.size), row.solutions.join(', ')].filter(Boolean).join(' · '),
    received: showDateTime(strings, row.receivedAt),
    due: dueOf(strings, filters, row),
    value: showMoney(strings, row.value),
    owner: row.owner?.name ?? row.owner?.id ?? '',
    channel: row.place?.channelName ?? '',
  };
}

/** What `due` orders by, where a row shows it: the 24 h recommendation in the inbox, the purchase date when active. */
function dueOf(strings: Strings, filters: Filters, row: Row): string {
  if (filters.state === 'inbox') return showDateTime(strings, row.respondBy);
  if (filters.state === 'active') return showDate(strings, row.purchaseBy);
  return '';
}

/** "11–20 of 134", for the page shown. */
export function pageRange(strings: Strings, page: ReferralPage): string {
  const from = (page.page - 1) * page.pageSize + 1;
  return strings.s('list.range', {
    from: showCount(strings, from),
    to: showCount(strings, from + page.items.length - 1),
    total: showCount(strings, page.total),
  });
}

export const tableCaption = (strings: Strings, filters: Filters) =>
  strings.s('list.caption', { state: strings.s(`state.${filters.state}`) });
