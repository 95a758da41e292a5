// The pipeline: state tabs with counts, search and filters, the table, a referral's detail, and the managers'
// insights, all over the same filters.
import { Button, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, type Api } from '../api/client';
import { EXPORT_KEYS, listQueryOf, queryOf, SCOPE_KEYS } from '../api/query';
import { STATES, type Filters, type Me, type ReferralPage } from '../api/types';
import { browserTimeZone } from '../browser-zone';
import type { Host } from '../host/teams-host';
import { Insights } from '../insights/insights';
import type { Strings } from '../strings';
import { DetailPane } from './detail-pane';
import { FilterBar } from './filter-bar';
import { takeFirstPage, type FirstPage } from './first-page';
import { initialFilters } from './initial-filters';
import { ReferralTable } from './referral-table';

export interface PipelineProps {
  api: Api;
  strings: Strings;
  host?: Host;
  search: string;
  /** A 401 standalone: the dev token ran out, so pick a person again. */
  onUnauthorized?: () => void;
}

export function Pipeline({ api, strings, host, search, onUnauthorized }: PipelineProps) {
  const { s } = strings;
  const [start] = useState(() => initialFilters(search, host?.context));
  const [filters, setFilters] = useState<Filters>(start);
  const [view, setView] = useState<'list' | 'insights'>('list');
  const [me, setMe] = useState<Me>();
  const [page, setPage] = useState<ReferralPage>();
  const [error, setError] = useState('');
  const [selectedId, setSelectedId] = useState<string | undefined>(
    () => host?.context.subEntityId ?? new URLSearchParams(search).get('referral') ?? undefined,
  );
  const [reloads, setReloads] = useState(0);
  const hasNotified = useRef(false);
  const [firstPage] = useState(takeFirstPage);

  const fail = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401 && onUnauthorized) return onUnauthorized();
      setError(s('app.failed', { message: (e as Error).message }));
    },
    [s, onUnauthorized],
  );

  useEffect(() => {
    api.me().then(setMe, fail);
  }, [api, fail]);

  useEffect(() => {
    let isCurrent = true;
    api.referrals(listQueryOf(filters, strings.locale, browserTimeZone())).then((loaded) => {
      if (!isCurrent) return;
      setPage(loaded);
      setError('');
      if (!hasNotified.current) {
        hasNotified.current = true;
        host?.notifySuccess();
      }
    }, fail);
    return () => {
      isCurrent = false;
    };
  }, [api, filters, strings.locale, reloads, host, fail]);

  const change = useCallback(
    (changes: Partial<Filters>) => setFilters((current) => ({ ...current, page: 1, ...changes })),
    [],
  );
  const exportCsv = () =>
    api
      .downloadCsv(queryOf(filters, EXPORT_KEYS), `referrals-${filters.state}.csv`)
      .catch((e: Error) => setError(s('export.failed', { message: e.message })));

  return (
    <div style={{ padding: '8px 16px 24px' }}>
      <header style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <h1 style={{ fontSize: 20, margin: '8px 0' }}>{s('app.title')}</h1>
        <TabList
          aria-label={s('views.label')}
          selectedValue={view}
          onTabSelect={(_, data) => setView(data.value as 'list' | 'insights')}
        >
          <Tab value="list">{s('view.list')}</Tab>
          <Tab value="insights">{s('view.insights')}</Tab>
        </TabList>
        <Button style={{ marginLeft: 'auto' }} onClick={exportCsv}>
          {s('export.csv')}
        </Button>
      </header>
      <FilterBar strings={strings} filters={filters} initial={start} me={me} onChange={change} />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
          <Button size="small" onClick={() => setReloads((n) => n + 1)}>
            {s('app.retry')}
          </Button>
        </MessageBar>
      )}
      {view === 'insights' ? (
        <Insights api={api} strings={strings} query={queryOf(filters, SCOPE_KEYS)} onError={fail} />
      ) : (
        <>
          <TabList
            aria-label={s('states.label')}
            selectedValue={filters.state}
            onTabSelect={(_, data) => change({ state: data.value as Filters['state'], sort: '' })}
          >
            {STATES.map((state) => (
              <Tab key={state} value={state}>
                {s(`state.${state}`)} ({page?.counts[state] ?? '…'})
              </Tab>
            ))}
          </TabList>
          <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
            <div style={{ flex: '1 1 auto', minWidth: 0 }}>
              {page ? (
                <ReferralTable
                  strings={strings}
                  page={page}
                  filters={filters}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  onChange={(changes) => setFilters((current) => ({ ...current, ...changes }))}
                />
              ) : firstPage ? (
                <DrawnFirstPage page={firstPage} onSelect={setSelectedId} />
              ) : (
                !error && <Spinner label={s('app.loading')} />
              )}
            </div>
            {selectedId && (
              <DetailPane
                key={selectedId}
                api={api}
                strings={strings}
                id={selectedId}
                host={host}
                onClose={() => setSelectedId(undefined)}
                onChanged={() => setReloads((n) => n + 1)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** The page the first script drew, where the table goes, until the table itself is drawn (it replaces this). */
function DrawnFirstPage({ page, onSelect }: { page: FirstPage; onSelect(id: string): void }) {
  const slot = useRef<HTMLDivElement>(null);
  // Before the browser paints: React has just cleared the root the page was drawn in.
  useLayoutEffect(() => {
    slot.current?.append(page.element);
    page.handOver(onSelect);
  }, [page, onSelect]);
  return <div ref={slot} />;
}
