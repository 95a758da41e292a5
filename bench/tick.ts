// `tick`: how a scheduler tick's cost grows with the number of referrals in the embedded store.
// Each size is measured in the same run; results are medians of several ticks and ratios against the smallest.
import { performance } from 'node:perf_hooks';
import type { Db } from 'mongodb';
import { receive, commit, decide } from '../core/lifecycle';
import { parseIncomingReferral } from '../core/intake';
import type { Referral } from '../core/referral';
import { createLogger } from '../platform/logger';
import type { ReferralService } from '../services/referral-service';
import { createScheduler } from '../scheduler/worker';
import type { Outbound } from '../outbound/create-outbound';
import { digestSubscriptions } from '../storage/digest-subscriptions';
import { connectStore } from '../storage/mongo';
import { ensureIndexes } from '../storage/indexes';
import { dueReferrals } from '../storage/due-referrals';
import { scheduledNotices } from '../storage/scheduled-notices';
import { REFERRALS } from '../storage/referrals';
import { openReferrals } from '../storage/open-referrals';
import { sampleReferralJson } from '../test/support/sample-referral';
import type { Section } from './context';
import { median } from './support';

// FerretDB over SQLite inserts a few hundred referrals a second, so larger sizes take minutes just to load.
const SIZES = [1_000, 5_000, 20_000];
const DUE_PER_SIZE = 20;
const TICKS = 7;
const SCANS = 3;
const NOW = new Date('2026-11-25T00:00:00Z');
const actor = { kind: 'user' as const, id: 'bench', name: 'Bench' };

function referral(i: number, receivedAt: Date, answered: boolean): Referral {
  const parsed = parseIncomingReferral(sampleReferralJson(`bench-${i}`), 'bench', receivedAt);
  if (!parsed.ok) throw new Error('sample referral invalid');
  const created = receive(parsed.value, `b${i}`, actor, receivedAt).referral;
  if (!answered) return created;
  const decision = decide(created, { type: 'decline', input: { reason: 'not-a-customer' } }, receivedAt);
  if (!decision.ok) throw new Error(`decline refused: ${JSON.stringify(decision.errors)}`);
  return commit(created, decision.value, actor, receivedAt).referral;
}

type TickRow = { size: number; tickMs: number; scanMs: number };

/** The real scheduler over `db`, with everything it would send or load beyond the store stubbed out. */
function schedulerOver(db: Db, docs: (Referral & { _id: string })[]) {
  const noop = async () => undefined;
  return createScheduler({
    referrals: {
      load: async (id: string) => docs.find((d) => d._id === id),
    } as unknown as ReferralService,
    changes: { recover: async () => 0 },
    due: dueReferrals(db),
    notices: scheduledNotices(db),
    outbound: {
      threadNotices: { reply: async () => 'sent' as const },
      channelCards: { refresh: noop, postWaiting: async () => 0 } as unknown as Outbound['channelCards'],
      postCardOnce: async () => ({ status: 'in-flight' as const }),
      personalNotices: { reportBack: async () => 'sent' as const } as unknown as Outbound['personalNotices'],
      threadLinks: { threadUrl: async () => undefined },
    },
    directory: { all: () => [] },
    digests: {
      build: () => {
        throw new Error('no digests in this bench');
      },
    },
    people: { teamsOf: async () => new Set<string>() },
    subscriptions: digestSubscriptions(db),
    display: { timeZone: 'UTC', locale: 'en' },
    log: createLogger('fatal'),
  });
}

async function measureSize(storeUri: string, size: number): Promise<TickRow> {
  const connection = await connectStore(storeUri, `bench-${size}`, 10_000);
  try {
    await ensureIndexes(connection.db);
    const docs = Array.from({ length: size }, (_, i) => {
      const due = i < DUE_PER_SIZE;
      // Most referrals are old and answered; a few are unanswered and past their 24 h mark.
      const at = new Date(NOW.getTime() - (due ? 30 : 24 * 20) * 3600_000);
      const r = referral(i, at, !due);
      return { _id: r.id, ...r };
    });
    for (let i = 0; i < docs.length; i += 1000)
      await connection.db.collection(REFERRALS).insertMany(docs.slice(i, i + 1000) as never[]);
    const open = openReferrals(connection.db);
    for (const doc of docs.slice(0, DUE_PER_SIZE)) await open.track(doc);
    const scheduler = schedulerOver(connection.db, docs);
    await scheduler.tick(NOW); // decides and finishes the due notices; later ticks are the steady state
    const tickTimes: number[] = [];
    const scanTimes: number[] = [];
    for (let n = 0; n < TICKS; n++) {
      const t0 = performance.now();
      await scheduler.tick(new Date(NOW.getTime() + (n + 1) * 60_000));
      tickTimes.push(performance.now() - t0);
    }
    for (let n = 0; n < SCANS; n++) {
      // What a naive tick would do: read every referral.
      const t0 = performance.now();
      await connection.db.collection(REFERRALS).find({}).toArray();
      scanTimes.push(performance.now() - t0);
    }
    process.stderr.write(`${size} referrals measured\n`);
    return { size, tickMs: median(tickTimes), scanMs: median(scanTimes) };
  } finally {
    await connection.close();
  }
}

/** The table this bench has always printed: tick and full-scan medians per size, and ratios to the smallest. */
function tickTable(rows: TickRow[]): string {
  const base = rows[0]!;
  const lines = ['referrals  tick median  ratio   full-scan median  ratio'];
  for (const r of rows) {
    lines.push(
      `${String(r.size).padStart(9)}  ${r.tickMs.toFixed(1).padStart(9)} ms  ${(r.tickMs / base.tickMs).toFixed(2).padStart(5)}x` +
        `  ${r.scanMs.toFixed(1).padStart(13)} ms  ${(r.scanMs / base.scanMs).toFixed(2).padStart(5)}x`,
    );
  }
  return lines.join('\n');
}

export const tickSection: Section = {
  name: 'tick',
  title: 'scheduler tick cost against store size (against reading every referral)',
  async run(ctx) {
    const { uri } = await ctx.store();
    const rows: TickRow[] = [];
    for (const size of SIZES) rows.push(await measureSize(uri, size));
    return { rows: [], notes: [], text: tickTable(rows) };
  },
};
