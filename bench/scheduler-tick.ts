// `npm run bench`: how a scheduler tick's cost grows with the number of referrals in the embedded store.
// Each size is measured in the same run; results are medians of several ticks and ratios against the smallest.
import { performance } from 'node:perf_hooks';
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
import { startTestStore } from '../test/support/store';
import { sampleReferralJson } from '../test/support/sample-referral';

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const store = await startTestStore();
  const rows: { size: number; tickMs: number; scanMs: number }[] = [];
  try {
    for (const size of SIZES) {
      const connection = await connectStore(store.uri, `bench-${size}`, 10_000);
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
      const noop = async () => undefined;
      const scheduler = createScheduler({
        referrals: {
          load: async (id: string) => docs.find((d) => d._id === id),
        } as unknown as ReferralService,
        changes: { recover: async () => 0 },
        due: dueReferrals(connection.db),
        notices: scheduledNotices(connection.db),
        outbound: {
          threadNotices: { reply: async () => 'sent' as const },
          channelCards: { refresh: noop, postWaiting: async () => 0 } as unknown as Outbound['channelCards'],
          postCardOnce: async () => ({ status: 'in-flight' as const }),
        },
        digests: {
          build: () => {
            throw new Error('no digests in this bench');
          },
        },
        people: { teamsOf: async () => new Set<string>() },
        subscriptions: digestSubscriptions(connection.db),
        display: { timeZone: 'UTC', locale: 'en' },
        log: createLogger('fatal'),
      });
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
      rows.push({ size, tickMs: median(tickTimes), scanMs: median(scanTimes) });
      await connection.close();
    }
  } finally {
    await store.stop();
  }
  const base = rows[0]!;
  process.stdout.write('referrals  tick median  ratio   full-scan median  ratio\n');
  for (const r of rows) {
    process.stdout.write(
      `${String(r.size).padStart(9)}  ${r.tickMs.toFixed(1).padStart(9)} ms  ${(r.tickMs / base.tickMs).toFixed(2).padStart(5)}x` +
        `  ${r.scanMs.toFixed(1).padStart(13)} ms  ${(r.scanMs / base.scanMs).toFixed(2).padStart(5)}x\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
