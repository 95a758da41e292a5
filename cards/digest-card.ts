import type { Digest } from '../core/digest';
import { t } from '../i18n/catalogue';
import { formatDate, formatMoney, formatResponseTime } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

const FACTS = (name: string) => ({
  type: 'FactSet',
  facts: [{ $data: `\${${name}}`, title: '${title}', value: '${value}' }],
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
    { type: 'TextBlock', text: '${pipelineTitle}', weight: 'bolder', separator: true },
    FACTS('pipeline'),
    { type: 'TextBlock', text: '${outcomesTitle}', weight: 'bolder', separator: true },
    FACTS('outcomes'),
    {
      type: 'Chart.Donut',
      $when: '${hasOutcomes}',
      title: '${outcomesTitle}',
      data: [{ $data: '${chart}', legend: '${title}', value: '${count}' }],
      fallback: { type: 'TextBlock', text: '${chartFallback}', isSubtle: true, size: 'small', wrap: true },
    },
    {
      // Where the work stands, as bars; amounts in different currencies never share an axis.
      type: 'Chart.VerticalBar',
      $when: '${hasWorkload}',
      title: '${workloadTitle}',
      data: [{ $data: '${workload}', x: '${label}', y: '${count}' }],
      fallback: { type: 'TextBlock', text: '${workloadFallback}', isSubtle: true, size: 'small', wrap: true },
    },
    { type: 'TextBlock', text: '${responseTitle}', weight: 'bolder', separator: true },
    FACTS('response'),
  ],
};

/** The managers' digest for a period: what arrived, what waits, the pipeline, outcomes and response times. */
export function digestCard(view: ViewContext, digest: Digest): CardJson {
  const { locale, timeZone } = view;
  const money = (sums: Record<string, number>) =>
    Object.entries(sums)
      .map(([currency, amount]) => formatMoney(locale, { currency, amount }))
      .join(' + ') || '—';
  const outcomes = (['Won', 'Lost', 'Declined', 'Expired'] as const).map((s) => ({
    status: s,
    title: t(locale, `substatus.${s}`),
    count: digest.outcomes[s].count,
    value:
      Object.keys(digest.outcomes[s].value).length > 0
        ? `${digest.outcomes[s].count} · ${money(digest.outcomes[s].value)}`
        : String(digest.outcomes[s].count),
  }));
  const { response } = digest;
  return renderCard(TEMPLATE, {
    title: t(locale, 'digest.title'),
    period: `${formatDate(locale, timeZone, digest.period.from)} – ${formatDate(locale, timeZone, digest.period.to)}`,
    headline: [
      { value: String(digest.newInPeriod), label: t(locale, 'digest.new'), color: 'default' },
      { value: String(digest.awaiting), label: t(locale, 'digest.awaiting'), color: 'default' },
      {
        value: String(digest.overdue),
        label: t(locale, 'digest.overdue'),
        color: digest.overdue > 0 ? 'attention' : 'default',
      },
      {
        value: String(digest.expiringSoon),
        label: t(locale, 'digest.expiring'),
        color: digest.expiringSoon > 0 ? 'warning' : 'default',
      },
    ],
    pipelineTitle: t(locale, 'digest.pipeline'),
    workloadTitle: t(locale, 'digest.workload'),
    workload: workload(locale, digest),
    hasWorkload: workload(locale, digest).some((w) => w.count > 0),
    workloadFallback: workload(locale, digest)
      .map((w) => `${w.label} ${w.count}`)
      .join(' · '),
    pipeline: [
      { title: t(locale, 'digest.activeCount'), value: String(digest.activeCount) },
      { title: t(locale, 'digest.activeValue'), value: money(digest.pipeline) },
    ],
    outcomesTitle: t(locale, 'digest.outcomes'),
    outcomes: outcomes.map(({ title, value }) => ({ title, value })),
    hasOutcomes: outcomes.some((o) => o.count > 0),
    chart: outcomes.filter((o) => o.count > 0),
    chartFallback: outcomes.map((o) => `${o.title} ${o.count}`).join(' · '),
    responseTitle: t(locale, 'digest.response'),
    response: [
      {
        title: t(locale, 'stats.median'),
        value:
          response.medianResponseMs === undefined
            ? '—'
            : formatResponseTime(locale, response.medianResponseMs),
      },
      {
        title: t(locale, 'stats.within24h'),
        value:
          response.withinRecommendedShare === undefined
            ? '—'
            : `${Math.round(response.withinRecommendedShare * 100)}%`,
      },
    ],
  });
}

function workload(locale: Parameters<typeof t>[0], digest: Digest) {
  return [
    { label: t(locale, 'digest.awaiting'), count: digest.awaiting },
    { label: t(locale, 'digest.overdue'), count: digest.overdue },
    { label: t(locale, 'digest.expiring'), count: digest.expiringSoon },
    { label: t(locale, 'digest.activeCount'), count: digest.activeCount },
  ];
}
