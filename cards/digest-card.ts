import type { Digest, DigestItem } from '../core/digest';
import type { ClosedSubstatus } from '../core/referral';
import { t, type Locale, type MessageKey } from '../i18n/catalogue';
import { formatDate, formatDateTime, formatDay, formatMoney, formatResponseTime } from '../i18n/format';
import { executeAction } from './card-actions';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const FACTS = (name: string) => ({
  type: 'FactSet',
  facts: [{ $data: `\${${name}}`, title: '${title}', value: '${value}' }],
});

/** A list of referrals by name, each with a button that opens its thread; absent when it is empty. */
const ITEM_LIST = (name: string) => ({
  type: 'Container',
  $when: `\${count(${name}.rows) > 0}`,
  separator: true,
  items: [
    {
      type: 'TextBlock',
      text: `\${${name}.title}`,
      weight: 'bolder',
      wrap: true,
      color: `\${${name}.color}`,
    },
    {
      type: 'ColumnSet',
      $data: `\${${name}.rows}`,
      spacing: 'small',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            { type: 'TextBlock', text: '${headline}', wrap: true },
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
          items: [{ type: 'ActionSet', actions: ['${open}'] }],
        },
      ],
    },
    {
      type: 'TextBlock',
      $when: `\${${name}.more != ''}`,
      text: `\${${name}.more}`,
      isSubtle: true,
      size: 'small',
    },
  ],
});

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: '${period}', isSubtle: true, spacing: 'none', wrap: true },
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          $data: '${headline}',
          width: 'stretch',
          items: [
            { type: 'TextBlock', text: '${value}', size: 'extraLarge', weight: 'bolder', color: '${color}' },
            {
              type: 'TextBlock',
              text: '${label}',
              size: 'small',
              isSubtle: true,
              wrap: true,
              spacing: 'none',
            },
          ],
        },
      ],
    },
    ITEM_LIST('overdue'),
    ITEM_LIST('expiring'),
    ITEM_LIST('reportBack'),
    { type: 'TextBlock', text: '${workloadTitle}', weight: 'bolder', separator: true, wrap: true },
    { type: 'TextBlock', $when: '${!hasWorkload}', text: '—', isSubtle: true },
    {
      // Open referrals per owner, each bar labelled with its count (no axis, so no fractional ticks for counts).
      type: 'Chart.HorizontalBar',
      $when: '${hasWorkload}',
      title: '${workloadTitle}',
      displayMode: 'AbsoluteNoAxis',
      showBarValues: true,
      color: 'categoricalBlue',
      data: [{ $data: '${workload}', x: '${label}', y: '${count}' }],
      fallback: FACTS('workloadFacts'),
    },
    { type: 'TextBlock', text: '${pipelineTitle}', weight: 'bolder', separator: true },
    FACTS('pipeline'),
    { type: 'TextBlock', text: '${outcomesTitle}', weight: 'bolder', separator: true },
    FACTS('outcomes'),
    {
      type: 'Chart.Donut',
      $when: '${hasOutcomes}',
      title: '${outcomesTitle}',
      data: [{ $data: '${chart}', legend: '${legend}', value: '${count}', color: '${color}' }],
      fallback: { type: 'TextBlock', text: '${chartFallback}', isSubtle: true, size: 'small', wrap: true },
    },
    { type: 'TextBlock', text: '${responseTitle}', weight: 'bolder', separator: true },
    FACTS('response'),
  ],
};

/**
 * Teams' chart colours for the outcomes: four hues told apart at a glance, each at least 3:1 against the light
 * card background (#FFFFFF) and the dark theme's (#1F1F1F), from Teams' chart palette (the hex values are the
 * palette's, for the contrast spec). The legend carries the number, so colour is never the only way to read it.
 */
export const OUTCOME_COLORS: Record<ClosedSubstatus, { name: string; hex: string }> = {
  Won: { name: 'good', hex: '#107C10' },
  Lost: { name: 'attention', hex: '#E81123' },
  Declined: { name: 'neutral', hex: '#737373' },
  Expired: { name: 'categoricalBlue', hex: '#0078D4' },
};

// Owner names longer than this are cut in the chart's labels, so each bar keeps its room; the fallback has them whole.
const LABEL_CHARS = 18;

/** Where each listed referral's thread is (outbound/thread-links.ts); one without a posted card opens with `show`. */
export type ThreadUrls = Readonly<Record<string, string>>;

/** The managers' digest: what waits and for how long, by name with a button each, workload, outcomes, times. */
export function digestCard(view: ViewContext, digest: Digest, threadUrls: ThreadUrls = {}): CardJson {
  const { locale, timeZone } = view;
  const { from, to } = digest.period;
  const list = (
    key: MessageKey,
    items: DigestItem[],
    total: number,
    color: string,
    when: 'due' | 'date',
  ) => ({
    title: `${t(locale, key)} (${total})`,
    color,
    rows: items.map((item) => ({
      headline: `${item.customer} — ${item.name}`,
      detail: [
        when === 'date' ? formatDay(locale, item.at) : formatDateTime(locale, timeZone, item.at),
        item.owner?.name ?? t(locale, 'digest.noOwner'),
      ].join(' · '),
      open: openAction(locale, item.id, threadUrls[item.id]),
    })),
    more: total > items.length ? t(locale, 'digest.more', { n: total - items.length }) : '',
  });
  return renderCard(TEMPLATE, {
    title: t(locale, 'digest.title'),
    period: `${formatDate(locale, timeZone, from)} – ${formatDate(locale, timeZone, to)}`,
    headline: headlineModel(locale, digest),
    overdue: list('digest.overdueList', digest.overdueItems, digest.overdue, 'attention', 'due'),
    expiring: list('digest.expiringList', digest.expiringItems, digest.expiringSoon, 'warning', 'due'),
    reportBack: list(
      'digest.reportBackList',
      digest.reportBackItems,
      digest.reportBackDue,
      'default',
      'date',
    ),
    pipelineTitle: t(locale, 'digest.pipeline'),
    pipeline: [
      { title: t(locale, 'digest.activeCount'), value: String(digest.activeCount) },
      { title: t(locale, 'digest.activeValue'), value: moneyText(locale, digest.pipeline) },
    ],
    ...workloadModel(locale, digest),
    ...outcomesModel(locale, digest),
    responseTitle: t(locale, 'digest.response'),
    response: responseFacts(locale, digest),
  });
}

function openAction(locale: Locale, referralId: string, url: string | undefined) {
  const title = t(locale, 'digest.open');
  return url ? { type: 'Action.OpenUrl', title, url } : executeAction('show', title, { referralId });
}

/** "$120,000 + €40,000": sums per currency, never converted. */
function moneyText(locale: Locale, sums: Record<string, number>): string {
  const parts = Object.entries(sums).map(([currency, amount]) => formatMoney(locale, { currency, amount }));
  return parts.join(' + ') || '—';
}

function headlineModel(locale: Locale, digest: Digest) {
  const number = (value: number, label: MessageKey, color = 'default') => ({
    value: String(value),
    label: t(locale, label),
    color,
  });
  return [
    number(digest.newInPeriod, 'digest.new'),
    number(digest.awaiting, 'digest.awaiting'),
    number(digest.overdue, 'digest.overdue', digest.overdue > 0 ? 'attention' : 'default'),
    number(digest.expiringSoon, 'digest.expiring', digest.expiringSoon > 0 ? 'warning' : 'default'),
  ];
}

function workloadModel(locale: Locale, digest: Digest) {
  const rows = digest.workload.map((w) => {
    const name = w.owner?.name ?? t(locale, 'digest.noOwner');
    const open = w.awaiting + w.active;
    return {
      label: name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name,
      count: open,
      fact: {
        title: name,
        value: t(locale, 'digest.ownerRow', { open, new: w.awaiting, active: w.active }),
      },
    };
  });
  return {
    workloadTitle: t(locale, 'digest.byOwner'),
    workload: rows.map(({ label, count }) => ({ label, count })),
    workloadFacts: rows.map((r) => r.fact),
    hasWorkload: rows.length > 0,
  };
}

function outcomesModel(locale: Locale, digest: Digest) {
  const outcomes = (['Won', 'Lost', 'Declined', 'Expired'] as const).map((substatus) => {
    const { count, value } = digest.outcomes[substatus];
    const hasValue = Object.keys(value).length > 0;
    const title = t(locale, `substatus.${substatus}`);
    return {
      title,
      // The number is on the chart, in the legend, not only in the facts above it.
      legend: `${title} ${count}`,
      count,
      color: OUTCOME_COLORS[substatus].name,
      value: hasValue ? `${count} · ${moneyText(locale, value)}` : String(count),
    };
  });
  return {
    outcomesTitle: t(locale, 'digest.outcomes'),
    outcomes: outcomes.map(({ title, value }) => ({ title, value })),
    hasOutcomes: outcomes.some((o) => o.count > 0),
    chart: outcomes.filter((o) => o.count > 0).map(({ legend, count, color }) => ({ legend, count, color })),
    chartFallback: outcomes.map((o) => o.legend).join(' · '),
  };
}

function responseFacts(locale: Locale, { response }: Digest) {
  const { medianResponseMs, withinRecommendedShare } = response;
  return [
    {
      title: t(locale, 'stats.median'),
      value: medianResponseMs === undefined ? '—' : formatResponseTime(locale, medianResponseMs),
    },
    {
      title: t(locale, 'stats.within24h'),
      value: withinRecommendedShare === undefined ? '—' : `${Math.round(withinRecommendedShare * 100)}%`,
    },
    { title: t(locale, 'stats.pending'), value: String(response.pending) },
  ];
}
