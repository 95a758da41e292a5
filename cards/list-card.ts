import type { Referral } from '../core/referral';
import { isOverdue } from '../core/timers';
import { t, type Locale } from '../i18n/catalogue';
import { formatDate, formatMoney, formatTimeLeft, truncate } from '../i18n/format';
import type { Page } from '../storage/referral-queries';
import type { ListRequest } from './card-views';
import { CLOSED_WORDS } from './closed-words';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'TextBlock', $when: '${isEmpty}', text: '${empty}', wrap: true, isSubtle: true },
    {
      type: 'Container',
      $data: '${rows}',
      separator: true,
      spacing: 'medium',
      selectAction: {
        type: 'Action.Execute',
        verb: 'show',
        data: { referralId: '${referralId}' },
        title: '${open}',
      },
      items: [
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: 'stretch',
              items: [
                { type: 'TextBlock', text: '${headline}', weight: 'bolder', wrap: true },
                {
                  type: 'TextBlock',
                  text: '${detail}',
                  size: 'small',
                  isSubtle: true,
                  wrap: true,
                  spacing: 'none',
                },
              ],
            },
            {
              type: 'Column',
              width: 'auto',
              verticalContentAlignment: 'center',
              items: [
                { type: 'TextBlock', text: '${badge}', size: 'small', color: '${badgeColor}', wrap: true },
              ],
            },
          ],
        },
      ],
    },
    { type: 'TextBlock', $when: '${hasPaging}', text: '${pageLabel}', size: 'small', isSubtle: true },
  ],
  actions: [
    {
      type: 'Action.Execute',
      $when: '${hasPrevious}',
      title: '${previousTitle}',
      verb: 'list-page',
      data: { list: '${list}', filter: '${filter}', page: '${previousPage}' },
    },
    {
      type: 'Action.Execute',
      $when: '${hasMore}',
      title: '${nextTitle}',
      verb: 'list-page',
      data: { list: '${list}', filter: '${filter}', page: '${nextPage}' },
    },
  ],
};

// A row's text is bounded so a page of five stays far under Teams' message size whatever the source sent.
const MAX_ROW_TEXT = 160;

export function listCard(view: ViewContext, request: ListRequest, page: Page<Referral>): CardJson {
  const { locale } = view;
  const filter = request.filter ? CLOSED_WORDS[request.filter.toLowerCase()] : undefined;
  return renderCard(TEMPLATE, {
    title: filter
      ? t(locale, 'list.archived.filtered', { outcome: t(locale, `substatus.${filter}`) })
      : t(locale, `list.${request.list}.title`),
    isEmpty: page.items.length === 0,
    empty: t(locale, `list.${request.list}.empty`),
    rows: page.items.map((referral) => rowModel(view, request.list, referral)),
    hasPaging: page.page > 0 || page.hasMore,
    pageLabel: t(locale, 'list.page', { n: page.page + 1 }),
    hasPrevious: page.page > 0,
    hasMore: page.hasMore,
    previousTitle: t(locale, 'list.previous'),
    nextTitle: t(locale, 'list.next'),
    list: request.list,
    filter: request.filter ?? '',
    previousPage: page.page - 1,
    nextPage: page.page + 1,
  });
}

function rowModel(view: ViewContext, list: ListRequest['list'], referral: Referral) {
  const { locale, timeZone, now } = view;
  const address = referral.customer.address;
  const where = [address?.city, address?.country].filter(Boolean).join(', ');
  const size = referral.customer.size ? t(locale, `size.${referral.customer.size}`) : '';
  const flame = referral.customerRequestedContact && referral.status === 'New' ? '🔥 ' : '';
  const base = {
    referralId: referral.id,
    open: t(locale, 'list.open'),
    headline: truncate(`${flame}${referral.customer.name}`, MAX_ROW_TEXT),
    detail: truncate([referral.name, size, where].filter(Boolean).join(' · '), MAX_ROW_TEXT),
  };
  const e = referral.engagement;
  if (referral.status === 'Active' && e) {
    const purchase = e.purchase.date
      ? formatDate(locale, timeZone, e.purchase.date)
      : e.purchase.timeframe
        ? t(locale, `timeframe.${e.purchase.timeframe}`)
        : '';
    return {
      ...base,
      detail: truncate([e.name, purchase].filter(Boolean).join(' · '), MAX_ROW_TEXT),
      badge: formatMoney(locale, e.value),
      badgeColor: 'good',
    };
  }
  if (referral.status === 'Closed' && referral.closure) {
    return {
      ...base,
      badge: `${t(locale, `substatus.${referral.closure.substatus}`)} · ${formatDate(locale, timeZone, referral.closure.at)}`,
      badgeColor: referral.closure.substatus === 'Won' ? 'good' : 'default',
    };
  }
  void list;
  return {
    ...base,
    badge: formatTimeLeft(locale as Locale, referral.respondByAt, now),
    badgeColor: isOverdue(referral, now) ? 'attention' : 'accent',
  };
}
