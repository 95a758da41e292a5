import type { Digest } from '../core/digest';
import { t, type Locale, type MessageKey } from '../i18n/catalogue';
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
  const { from, to } = digest.period;
  return renderCard(TEMPLATE, {
    title: t(locale, 'digest.title'),
    period: `${formatDate(locale, timeZone, from)} – ${formatDate(locale, timeZone, to)}`,
    headline: headlineModel(locale, digest),
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
  const workload = [
    { label: t(locale, 'digest.awaiting'), count: digest.awaiting },
    { label: t(locale, 'digest.overdue'), count: digest.overdue },
    { label: t(locale, 'digest.expiring'), count: digest.expiringSoon },
    { label: t(locale, 'digest.activeCount'), count: digest.activeCount },
  ];
  return {
    workloadTitle: t(locale, 'digest.workload'),
    workload,
    hasWorkload: workload.some((w) => w.count > 0),
    workloadFallback: workload.map((w) => `${w.label} ${w.count}`).join(' · '),
  };
}

function outcomesModel(locale: Locale, digest: Digest) {
  const outcomes = (['Won', 'Lost', 'Declined', 'Expired'] as const).map((substatus) => {
    const { count, value } = digest.outcomes[substatus];
    const hasValue = Object.keys(value).length > 0;
    return {
      title: t(locale, `substatus.${substatus}`),
      count,
      value: hasValue ? `${count} · ${moneyText(locale, value)}` : String(count),
    };
  });
  return {
    outcomesTitle: t(locale, 'digest.outcomes'),
    outcomes: outcomes.map(({ title, value }) => ({ title, value })),
    hasOutcomes: outcomes.some((o) => o.count > 0),
    chart: outcomes.filter((o) => o.count > 0),
    chartFallback: outcomes.map((o) => `${o.title} ${o.count}`).join(' · '),
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
  ];
}
