// For managers: how the referrals the filters show move through the funnel, how fast they are answered against
// Microsoft's 24 h recommendation, what wins by solution and industry, and what the pipeline is worth by month.
import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../api/client';
import type { GroupInsight, PipelineInsights as InsightsData } from '../api/types';
import { showCount, showMoney } from '../pipeline/show';
import type { Strings } from '../strings';
import { BarChart, type Bar } from './bar-chart';

interface InsightsProps {
  api: Api;
  strings: Strings;
  query: string;
  onError(error: unknown): void;
}

export function Insights({ api, strings, query, onError }: InsightsProps) {
  const { s } = strings;
  const [data, setData] = useState<InsightsData>();
  useEffect(() => {
    let isCurrent = true;
    api.insights(query).then((loaded) => isCurrent && setData(loaded), onError);
    return () => {
      isCurrent = false;
    };
  }, [api, query, onError]);

  if (!data) return <Spinner label={s('app.loading')} />;
  const count = (label: string, value: number): Bar => ({ label, value, text: showCount(strings, value) });
  const money = (value: number) =>
    data.currency
      ? showMoney(strings, { amount: value, currency: data.currency })
      : showCount(strings, value);
  const { funnel, response } = data;
  return (
    <section aria-label={s('view.insights')}>
      <Text as="p">{s('insights.caption')}</Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 32 }}>
        <BarChart
          title={s('insights.funnel')}
          isCount
          bars={[
            count(s('insights.received'), funnel.received),
            count(s('insights.answered'), funnel.answered),
            count(s('insights.accepted'), funnel.accepted),
            count(s('insights.won'), funnel.won),
          ]}
        />
        <div>
          <BarChart
            title={s('insights.response')}
            isCount
            bars={[
              count(s('insights.onTime'), response.onTime),
              count(s('insights.late'), response.late),
              count(s('insights.pending'), response.pending),
            ]}
          />
          {response.medianHours !== undefined && (
            <Text as="p">{s('insights.median', { hours: Math.round(response.medianHours * 10) / 10 })}</Text>
          )}
        </div>
        <Breakdown strings={strings} title={s('insights.bySolution')} rows={data.bySolution} money={money} />
        <Breakdown strings={strings} title={s('insights.byIndustry')} rows={data.byIndustry} money={money} />
        {data.pipelineByMonth.length > 0 ? (
          <BarChart
            title={s('insights.pipeline')}
            bars={data.pipelineByMonth.map((month) => ({
              label: month.month,
              value: month.value,
              text: `${money(month.value)} (${showCount(strings, month.count)})`,
            }))}
          />
        ) : (
          <figure style={{ margin: '12px 0' }}>
            <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{s('insights.pipeline')}</figcaption>
            <Text>{s('insights.none')}</Text>
          </figure>
        )}
      </div>
      {data.pipelineUndated.count > 0 && (
        <Text as="p">
          {s('insights.undated', {
            count: showCount(strings, data.pipelineUndated.count),
            value: money(data.pipelineUndated.value),
          })}
        </Text>
      )}
      {data.otherCurrencies > 0 && (
        <Text as="p">
          {s('insights.otherCurrencies', { count: showCount(strings, data.otherCurrencies) })}
        </Text>
      )}
    </section>
  );
}

function Breakdown(props: {
  strings: Strings;
  title: string;
  rows: GroupInsight[];
  money(value: number): string;
}) {
  const { strings, title, rows, money } = props;
  const { s } = strings;
  if (rows.length === 0) return null;
  const rate = (row: GroupInsight) => 100 * (row.winRate ?? 0);
  return (
    <div>
      <BarChart
        title={`${title}: ${s('insights.winRate')}`}
        max={100}
        bars={rows.map((row) => ({
          label: row.name,
          value: rate(row),
          text:
            row.winRate === undefined
              ? s('insights.noneClosed')
              : `${Math.round(rate(row))}% (${row.won}/${row.won + row.lost})`,
        }))}
      />
      <BarChart
        title={`${title}: ${s('insights.wonValue')}`}
        bars={rows.map((row) => ({ label: row.name, value: row.wonValue, text: money(row.wonValue) }))}
      />
    </div>
  );
}
