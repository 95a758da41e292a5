import { SUBSTATUSES_BY_STATUS } from '../core/referral';
import type { ResponseStats } from '../core/stats';
import { t } from '../i18n/catalogue';
import { formatDate, formatResponseTime } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

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
            { type: 'TextBlock', text: '${value}', size: 'extraLarge', weight: 'bolder', wrap: true },
            {
              type: 'TextBlock',
              text: '${label}',
              size: 'small',
              isSubtle: true,
              wrap: true,
              spacing: 'none',
            },
            {
              type: 'TextBlock',
              $when: "${note != ''}",
              text: '${note}',
              size: 'small',
              color: 'warning',
              wrap: true,
              spacing: 'none',
            },
          ],
        },
      ],
    },
    {
      type: 'FactSet',
      separator: true,
      facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }],
    },
    { type: 'TextBlock', text: '${outcomesTitle}', weight: 'bolder', wrap: true, spacing: 'medium' },
    { type: 'TextBlock', $when: '${!hasOutcomes}', text: '${noOutcomes}', isSubtle: true, wrap: true },
    {
      type: 'Chart.Donut',
      $when: '${hasOutcomes}',
      data: [{ $data: '${outcomes}', legend: '${title}', value: '${count}' }],
      // Teams draws the chart; other hosts (and the SDK) do not know it and show the same numbers as facts.
      fallback: {
        type: 'FactSet',
        facts: [{ $data: '${outcomes}', title: '${title}', value: '${countText}' }],
      },
    },
  ],
};

export function statsCard(
  view: ViewContext,
  stats: ResponseStats,
  period: { from: Date; to: Date },
): CardJson {
  const { locale, timeZone } = view;
  const outcomes = SUBSTATUSES_BY_STATUS.Closed.map((s) => ({
    title: t(locale, `substatus.${s}`),
    count: stats.closed[s],
    countText: String(stats.closed[s]),
  })).filter((o) => o.count > 0);
  const { medianResponseMs: median, withinRecommendedShare: share } = stats;
  return renderCard(TEMPLATE, {
    title: t(locale, 'stats.title'),
    period: t(locale, 'stats.period', {
      from: formatDate(locale, timeZone, period.from),
      to: formatDate(locale, timeZone, period.to),
    }),
    headline: [
      {
        value: median === undefined ? '—' : formatResponseTime(locale, median),
        label: t(locale, 'stats.median'),
        note: median === undefined ? t(locale, 'stats.noAnswers') : '',
      },
      {
        value: share === undefined ? '—' : `${Math.round(share * 100)}%`,
        label: t(locale, 'stats.within24h'),
        note: share === undefined ? t(locale, 'stats.noData') : '',
      },
    ],
    facts: [
      { title: t(locale, 'stats.received'), value: String(stats.received) },
      { title: t(locale, 'stats.responded'), value: String(stats.responded) },
      { title: t(locale, 'stats.stillNew'), value: String(stats.stillNew) },
      { title: t(locale, 'stats.active'), value: String(stats.active) },
      { title: t(locale, 'stats.closed'), value: String(outcomes.reduce((sum, o) => sum + o.count, 0)) },
    ],
    outcomesTitle: t(locale, 'stats.outcomes'),
    hasOutcomes: outcomes.length > 0,
    noOutcomes: t(locale, 'stats.noOutcomes'),
    outcomes,
  });
}
