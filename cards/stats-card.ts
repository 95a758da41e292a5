import type { ResponseStats } from '../core/stats';
import { t } from '../i18n/catalogue';
import { formatDate, formatDuration } from '../i18n/format';
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
            { type: 'TextBlock', text: '${value}', size: 'extraLarge', weight: 'bolder' },
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
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    {
      type: 'Chart.Donut',
      $when: '${hasOutcomes}',
      title: '${outcomesTitle}',
      data: [{ $data: '${outcomes}', legend: '${title}', value: '${count}' }],
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
  const noData = t(locale, 'stats.noData');
  const outcomes = (['Won', 'Lost', 'Declined', 'Expired'] as const)
    .map((s) => ({
      title: t(locale, `substatus.${s}`),
      count: stats.closed[s],
      countText: String(stats.closed[s]),
    }))
    .filter((o) => o.count > 0);
  return renderCard(TEMPLATE, {
    title: t(locale, 'stats.title'),
    period: t(locale, 'stats.period', {
      from: formatDate(locale, timeZone, period.from),
      to: formatDate(locale, timeZone, period.to),
    }),
    headline: [
      {
        value: stats.medianResponseMs === undefined ? '—' : formatDuration(locale, stats.medianResponseMs),
        label: t(locale, 'stats.median'),
      },
      {
        value:
          stats.withinRecommendedShare === undefined
            ? '—'
            : `${Math.round(stats.withinRecommendedShare * 100)}%`,
        label: t(locale, 'stats.within24h'),
      },
    ],
    facts: [
      { title: t(locale, 'stats.received'), value: String(stats.received) },
      { title: t(locale, 'stats.responded'), value: String(stats.responded) },
      { title: t(locale, 'stats.stillNew'), value: String(stats.stillNew) },
      { title: t(locale, 'stats.active'), value: String(stats.active) },
      ...(stats.received === 0 ? [{ title: t(locale, 'stats.note'), value: noData }] : []),
    ],
    hasOutcomes: outcomes.length > 0,
    outcomesTitle: t(locale, 'stats.outcomes'),
    outcomes,
  });
}
