import type { ReferralSummary } from '../core/referral-summary';
import { isFlameHot, isOverdue } from '../core/timers';
import { t, type Locale } from '../i18n/catalogue';
import {
  formatCount,
  formatCustomerSize,
  formatDate,
  formatDay,
  formatLocation,
  formatMoney,
  formatTimeLeft,
  truncate,
} from '../i18n/format';
import type { Page } from '../core/page';
import type { ListRequest } from './card-views';
import { executeAction, type ExecuteAction } from './card-actions';
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
      type: 'TextBlock',
      $when: '${!isEmpty}',
      text: '${hint}',
      size: 'small',
      isSubtle: true,
      wrap: true,
      spacing: 'none',
    },
    {
      type: 'Container',
      $data: '${rows}',
      separator: true,
      spacing: 'medium',
      // The whole row opens the referral: a button per row would double the card's height on mobile.
      selectAction: '${open}',
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
                {
                  type: 'TextBlock',
                  $when: "${extra != ''}",
                  text: '${extra}',
                  size: 'small',
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
                {
                  type: 'TextBlock',
                  text: '${badge}',
                  size: 'small',
                  weight: 'bolder',
                  color: '${badgeColor}',
                  wrap: true,
                },
              ],
            },
          ],
        },
      ],
    },
    { type: 'TextBlock', $when: '${!isEmpty}', text: '${range}', size: 'small', isSubtle: true },
  ],
  actions: '${paging}',
};

// Row texts are bounded so a page of ten stays far under Teams' message size whatever the source sent.
const MAX_NAME_CHARS = 100;
const MAX_LINE_CHARS = 160;

export function listCard(view: ViewContext, request: ListRequest, page: Page<ReferralSummary>): CardJson {
  const { locale } = view;
  return renderCard(TEMPLATE, {
    title: listTitle(locale, request),
    isEmpty: page.items.length === 0,
    empty: t(locale, `list.${request.list}.empty`),
    hint: t(locale, 'list.hint'),
    rows: page.items.map((referral) => rowModel(view, referral)),
    range: rangeText(locale, page),
    paging: pagingActions(locale, request, page),
  });
}

/** "11–20 of 47": where this page sits in the whole list. */
function rangeText(locale: Locale, page: Page<ReferralSummary>): string {
  const first = page.page * page.pageSize;
  const from = formatCount(locale, first + 1);
  const total = formatCount(locale, page.total);
  if (page.items.length === 1) return t(locale, 'list.rangeOne', { from, total });
  return t(locale, 'list.range', { from, to: formatCount(locale, first + page.items.length), total });
}

function pagingActions(locale: Locale, request: ListRequest, page: Page<ReferralSummary>): ExecuteAction[] {
  const to = (n: number) => ({
    list: request.list,
    page: n,
    ...(request.filter ? { filter: request.filter } : {}),
    ...(request.coSell ? { coSell: true } : {}),
  });
  return [
    ...(page.page > 0 ? [executeAction('list-page', t(locale, 'list.previous'), to(page.page - 1))] : []),
    ...(page.hasMore ? [executeAction('list-page', t(locale, 'list.next'), to(page.page + 1))] : []),
  ];
}

function listTitle(locale: Locale, request: ListRequest): string {
  const outcome = request.filter ? CLOSED_WORDS[request.filter.toLowerCase()] : undefined;
  const title =
    request.list === 'archived' && outcome
      ? t(locale, 'list.archived.filtered', { outcome: t(locale, `substatus.${outcome}`) })
      : t(locale, `list.${request.list}.title`);
  return request.coSell ? `${title} · ${t(locale, 'coSell.label')}` : title;
}

interface Row {
  open: ExecuteAction<'show'>;
  headline: string;
  detail: string;
  extra: string;
  badge: string;
  badgeColor: string;
}

function rowModel(view: ViewContext, referral: ReferralSummary): Row {
  const { locale, now } = view;
  const { size, name } = referral.customer;
  const flame = isFlameHot(referral, now) ? '🔥 ' : '';
  const detail = [size ? formatCustomerSize(locale, size) : '', formatLocation(referral.customer)].filter(
    Boolean,
  );
  const row = {
    open: executeAction('show', t(locale, 'list.open'), { referralId: referral.id }),
    headline: `${flame}${truncate(name, MAX_NAME_CHARS)}`,
    // The id last and never cut: it is what `show <id>` takes.
    detail: [
      truncate(detail.join(' · ') || t(locale, 'list.noDetail'), MAX_LINE_CHARS),
      t(locale, 'card.id', { id: referral.id }),
    ].join(' · '),
  };
  return { ...row, ...statusColumns(view, referral) };
}

/** What the row says about where the referral stands: time left, the deal, or how it ended. */
function statusColumns(
  view: ViewContext,
  referral: ReferralSummary,
): Pick<Row, 'extra' | 'badge' | 'badgeColor'> {
  const { locale, timeZone, now } = view;
  const engagement = referral.engagement;
  if (referral.closure) {
    const { substatus, at } = referral.closure;
    return {
      extra: t(locale, 'list.closedAt', { date: formatDate(locale, timeZone, at) }),
      badge: t(locale, `substatus.${substatus}`),
      badgeColor: substatus === 'Won' ? 'good' : 'default',
    };
  }
  if (engagement) {
    const { purchaseDate: date, purchaseTimeframe: timeframe } = engagement;
    const purchase = date ? formatDay(locale, date) : timeframe ? t(locale, `timeframe.${timeframe}`) : '';
    return {
      extra: truncate([engagement.name, purchase].filter(Boolean).join(' · '), MAX_LINE_CHARS),
      badge: formatMoney(locale, engagement.value),
      badgeColor: 'good',
    };
  }
  return {
    extra: truncate(referral.name, MAX_LINE_CHARS),
    badge: formatTimeLeft(locale, referral.respondByAt, now),
    badgeColor: isOverdue(referral, now) ? 'attention' : 'accent',
  };
}
