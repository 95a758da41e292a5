// `tab-list`: the pipeline tab's list call (one page, with a filter and a search) with 1k and 10k referrals stored,
// in the same run. The list reads the in-memory directory, never the store, and keeps a filter's selection while
// nothing changes (tab-api/list-cache.ts), so a page of a list being paged through must not cost what the whole
// history costs: its 10k median is held to 1.5× the 1k one. The first call of a filter (a pass over every referral
// in scope) is measured too, with a query the cache has not seen each time, and shown without a goal. Beside each,
// GET /healthz on the same process, the cost of any HTTP answer there. Both services run at once and the calls
// alternate between them, so a machine that gets busier part-way slows both sides alike.
import { performance } from 'node:perf_hooks';
import type { RunningService } from '../app/start-service';
import { startConnectorPeer } from '../test/support/connector-peer';
import { DANA } from '../test/support/teams-client';
import { historyNote, type BenchContext, type Section } from './context';
import { compare, ms, type Row } from './report';
import { withInstalledService } from './service-under-test';
import { median, progress, sizeLabel } from './support';

const SIZES = [1000, 10_000] as const;
const WARM_UP = 10;
const CALLS = 60;
// Active referrals whose text has "landing" (every one of the history's), newest first, the second page: the
// filter keeps a quarter of the history and the search all of it, so the sort and the counts run over thousands.
const LIST_QUERY = '/api/tab/referrals?state=active&q=landing&sort=-received&page=2&pageSize=25';
const PAGE_SIZE = 25;

interface Target {
  size: number;
  service: RunningService;
  token: string;
}

async function signIn(service: RunningService): Promise<string> {
  const res = await fetch(`${service.url}/api/tab/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ aadObjectId: DANA.aadObjectId }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function timeOne(url: string, token?: string): Promise<{ ms: number; body: unknown }> {
  const startedAt = performance.now();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json()) as unknown;
  const elapsed = performance.now() - startedAt;
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { ms: elapsed, body };
}

/** Medians per target of `url(i)`, the targets' calls alternating. */
async function interleaved(targets: Target[], url: (target: Target, i: number) => string, withToken = true) {
  const times = targets.map(() => [] as number[]);
  for (let i = 0; i < WARM_UP + CALLS; i++)
    for (const [t, target] of targets.entries()) {
      const { ms: elapsed } = await timeOne(url(target, i), withToken ? target.token : undefined);
      if (i >= WARM_UP) times[t]!.push(elapsed);
    }
  return times.map(median);
}

/** Runs `use` with a service on each size's history, all at once. */
async function withServices<T>(
  ctx: BenchContext,
  connectorUrl: string,
  notes: string[],
  use: (targets: Target[]) => Promise<T>,
): Promise<T> {
  const uri = (await ctx.store()).uri;
  const open = async (index: number, targets: Target[]): Promise<T> => {
    if (index === SIZES.length) return use(targets);
    const size = SIZES[index]!;
    const history = await ctx.history(size);
    notes.push(historyNote(history));
    return withInstalledService(uri, history.database, connectorUrl, async (service) =>
      open(index + 1, [...targets, { size, service, token: await signIn(service) }]),
    );
  };
  return open(0, []);
}

export const tabListSection: Section = {
  name: 'tab-list',
  title: "The tab's list call (a page, a filter and a search) at 1k and 10k referrals stored",
  async run(ctx) {
    const notes: string[] = [];
    const peer = await startConnectorPeer();
    try {
      return await withServices(ctx, peer.url, notes, async (targets) => {
        for (const target of targets) {
          const { body } = await timeOne(`${target.service.url}${LIST_QUERY}`, target.token);
          const page = body as { total: number; items: unknown[] };
          if (page.items.length !== PAGE_SIZE || page.total < target.size / 5)
            throw new Error(`tab-list @ ${target.size}: a page of ${page.items.length} of ${page.total}`);
          notes.push(
            `@ ${sizeLabel(target.size)}: the filter and search keep ${page.total} referrals; a page shows 25`,
          );
        }
        await ctx.quiet();
        progress(`tab-list: ${WARM_UP} warm-up and ${CALLS} calls of each kind, alternating 1k and 10k`);
        const pages = await interleaved(targets, (t) => `${t.service.url}${LIST_QUERY}`);
        // A value floor below every estimate (50,000): the same rows, a query not seen before.
        const firsts = await interleaved(targets, (t, i) => `${t.service.url}${LIST_QUERY}&minValue=${i}`);
        const health = await interleaved(targets, (t) => `${t.service.url}/healthz`, false);
        const rows: Row[] = [];
        targets.forEach((target, t) => {
          const at = `@ ${sizeLabel(target.size)}`;
          rows.push(compare(`list p50 ${at} vs GET /healthz`, ms(pages[t]!), ms(health[t]!)));
          rows.push(compare(`  first call of a filter ${at}`, ms(firsts[t]!), ms(health[t]!)));
        });
        const [from, to] = SIZES.map(sizeLabel);
        rows.push(
          compare(`list p50 @ ${to} vs its ${from} figure`, ms(pages[1]!), ms(pages[0]!), {
            on: 'ratio',
            atMost: 1.5,
          }),
          compare(`  first call @ ${to} vs its ${from} figure`, ms(firsts[1]!), ms(firsts[0]!)),
        );
        notes.push(
          `medians of ${CALLS} calls after ${WARM_UP} warm-up, one at a time, alternating the two services, as Dana ` +
            '(a dev token); a first call is a filter not asked for before (a pass over every referral in scope)',
        );
        return { rows, notes };
      });
    } finally {
      await peer.close();
    }
  },
};
