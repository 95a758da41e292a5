import { SUBSTATUSES_BY_STATUS } from '../core/referral';
import type { OutcomeStats } from '../core/outcome-stats';
import type { ResponseStats, ResponseTimeRow } from '../core/stats';
import { t, type Locale } from '../i18n/catalogue';
import { formatDate, formatResponseTime } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

/** A titled list of facts, or a line saying there is nothing to list. */
const SECTION = (name: string) => [
  { type: 'TextBlock', text: `\${${name}.title}`, weight: 'bolder', wrap: true, spacing: 'medium' },
  {
    type: 'TextBlock',
    $when: `\${count(${name}.rows) == 0}`,
    text: `\${${name}.empty}`,
    isSubtle: true,
    wrap: true,
  },
  {
    type: 'FactSet',
    $when: `\${count(${name}.rows) > 0}`,
    facts: [{ $data: `\${${name}.rows}`, title: '${title}', value: '${value}' }],
  },
];

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
    ...SECTION('declines'),
    ...SECTION('solutions'),
    {
      // Admins only: who and which channel answers how fast.
      type: 'Container',
      $when: '${isAdminView}',
      items: [...SECTION('byPerson'), ...SECTION('byChannel')],
    },
  ],
};

/** A person's or channel's response times, named. */
export type NamedResponseTimes = ResponseTimeRow & { name: string };

/** What `stats` shows beyond response times: outcomes for everyone, per-person and per-channel rows for admins. */
export interface StatsDetails {
  outcomes: OutcomeStats;
  admin?: { byPerson: NamedResponseTimes[]; byChannel: NamedResponseTimes[] };
}

const NO_DETAILS: StatsDetails = { outcomes: { declineReasons: [], bySolution: [] } };

export function statsCard(
  view: ViewContext,
  stats: ResponseStats,
  period: { from: Date; to: Date },
  details: StatsDetails = NO_DETAILS,
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
        value: share === undefined ? '—' : percent(share),
        label: t(locale, 'stats.within24h'),
        note: share === undefined ? t(locale, 'stats.noData') : '',
      },
    ],
    facts: [
      { title: t(locale, 'stats.received'), value: String(stats.received) },
      { title: t(locale, 'stats.responded'), value: String(stats.responded) },
      { title: t(locale, 'stats.onTime'), value: String(stats.onTime) },
      { title: t(locale, 'stats.late'), value: String(stats.late) },
      { title: t(locale, 'stats.pending'), value: String(stats.pending) },
      { title: t(locale, 'stats.stillNew'), value: String(stats.stillNew) },
      { title: t(locale, 'stats.active'), value: String(stats.active) },
      { title: t(locale, 'stats.closed'), value: String(outcomes.reduce((sum, o) => sum + o.count, 0)) },
    ],
    outcomesTitle: t(locale, 'stats.outcomes'),
    hasOutcomes: outcomes.length > 0,
    noOutcomes: t(locale, 'stats.noOutcomes'),
    outcomes,
    declines: {
      title: t(locale, 'stats.declineReasons'),
      empty: t(locale, 'stats.noDeclines'),
      rows: details.outcomes.declineReasons.map((d) => ({
        title: t(locale, `reason.${d.reason}`),
        value: String(d.count),
      })),
    },
    solutions: {
      title: t(locale, 'stats.bySolution'),
      empty: t(locale, 'stats.noWinLoss'),
      rows: details.outcomes.bySolution.slice(0, MAX_ROWS).map((s) => ({
        title: s.solution ?? t(locale, 'stats.noSolution'),
        value: t(locale, 'stats.winRow', { won: s.won, decided: s.won + s.lost, share: percent(s.winRate) }),
      })),
    },
    isAdminView: details.admin !== undefined,
    byPerson: timesSection(locale, 'stats.byPerson', details.admin?.byPerson ?? []),
    byChannel: timesSection(locale, 'stats.byChannel', details.admin?.byChannel ?? []),
  });
}

// Rows per section: enough for a team, small enough for a card.
const MAX_ROWS = 15;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function timesSection(
  locale: Locale,
  title: 'stats.byPerson' | 'stats.byChannel',
  rows: NamedResponseTimes[],
) {
  return {
    title: t(locale, title),
    empty: t(locale, 'stats.noAnswers'),
    rows: rows.slice(0, MAX_ROWS).map((row) => {
      const params = {
        onTime: row.onTime,
        decided: row.onTime + row.late,
        share: row.onTimeShare === undefined ? '—' : percent(row.onTimeShare),
      };
      return {
        title: row.name,
        value:
          row.medianResponseMs === undefined
            ? t(locale, 'stats.timeRowNoAnswer', params)
            : t(locale, 'stats.timeRow', {
                ...params,
                median: formatResponseTime(locale, row.medianResponseMs),
              }),
      };
    }),
  };
}
