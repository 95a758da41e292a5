// `intake`: referrals per second through `POST /api/referrals` at concurrency 20, against raw insertOne of the
// same JSON documents at concurrency 20 on the same store, with 1k, 10k and 50k referrals already stored; then how
// long until their cards are posted, against the least time Teams' limits allow for that many in one channel.
import { performance } from 'node:perf_hooks';
import { startConnectorPeer } from '../test/support/connector-peer';
import { sampleReferralJson } from '../test/support/sample-referral';
import { earliestSchedule, TEAMS_CONVERSATION_WINDOWS } from '../test/support/strict-connector-peer';
import { EMBEDDED_STORE_POOL_SIZE } from '../app/config';
import { connectStore } from '../storage/mongo';
import { historyNote, type BenchContext, type PreloadedHistory, type Section } from './context';
import { withInstalledService } from './service-under-test';
import { compare, perSecond, seconds, type Row } from './report';
import { externalIds, mapConcurrent, progress, sendReferral, sizeLabel, timed } from './support';

const CONCURRENCY = 20;
const SCRATCH = 'bench_intake_scratch';
// When each referral costs seconds, stop sending after this long and measure what was answered (a finite run).
const SENDING_BUDGET_MS = 600_000;

/** The floor: the same documents inserted as they are, into a scratch collection of the same database. */
async function rawInsertsMs(storeUri: string, database: string, ids: string[]): Promise<number> {
  const connection = await connectStore(storeUri, database, 10_000, EMBEDDED_STORE_POOL_SIZE);
  try {
    const scratch = connection.db.collection(SCRATCH);
    const { ms } = await timed(() =>
      mapConcurrent(ids, CONCURRENCY, (id) => scratch.insertOne(sampleReferralJson(id))),
    );
    await scratch.drop();
    return ms;
  } finally {
    await connection.close();
  }
}

interface IntakeTimes {
  /** External ids answered within the budget. */
  answered: string[];
  answeredMs: number;
  cardsPostedMs: number;
}

async function measureService(
  ctx: BenchContext,
  history: PreloadedHistory,
  ids: string[],
): Promise<IntakeTimes> {
  const peer = await startConnectorPeer();
  const { uri } = await ctx.store();
  try {
    return await withInstalledService(uri, history.database, peer.url, async (service) => {
      await ctx.quiet();
      const threadsBefore = peer.threads.length;
      const startedAt = performance.now();
      const sent = await mapConcurrent(ids, CONCURRENCY, async (id) => {
        if (performance.now() - startedAt > SENDING_BUDGET_MS) return undefined;
        await sendReferral(service.url, id);
        return id;
      });
      const answeredMs = performance.now() - startedAt;
      const answered = sent.filter((id) => id !== undefined);
      progress(`intake @ ${sizeLabel(history.size)}: ${answered.length} answered, waiting for their cards …`);
      await service.idle();
      const cardsPostedMs = performance.now() - startedAt;
      const posted = peer.threads.length - threadsBefore;
      if (posted !== answered.length)
        throw new Error(`${answered.length} referrals but ${posted} cards posted`);
      return { answered, answeredMs, cardsPostedMs };
    });
  } finally {
    await peer.close();
  }
}

function rowsFor(size: number, subject: IntakeTimes, floorMs: number): Row[] {
  const n = subject.answered.length;
  const at = `@ ${sizeLabel(size)}`;
  const rate = (msTaken: number) => perSecond((n / msTaken) * 1000);
  const leastCardsMs = earliestSchedule(n, TEAMS_CONVERSATION_WINDOWS).at(-1)!;
  return [
    compare(
      `intake throughput at concurrency ${CONCURRENCY} ${at}`,
      rate(subject.answeredMs),
      rate(floorMs),
      {
        on: 'ratio',
        atLeast: 0.4,
      },
    ),
    compare(`  time until ${n} answered ${at}`, seconds(subject.answeredMs), seconds(floorMs)),
    compare(
      `  time until their cards are posted ${at} (floor: Teams' limits)`,
      seconds(subject.cardsPostedMs),
      seconds(leastCardsMs),
    ),
  ];
}

export const intakeSection: Section = {
  name: 'intake',
  title: 'intake throughput against raw insertOne on the same store',
  async run(ctx) {
    const store = await ctx.store();
    const n = ctx.settings.intakeCount;
    const rows: Row[] = [];
    const notes: string[] = [];
    for (const size of ctx.settings.sizes) {
      const history = await ctx.history(size);
      notes.push(historyNote(history));
      progress(
        `intake @ ${sizeLabel(size)}: ${n} referrals through intake, then the same as raw inserts (floor)`,
      );
      const subject = await measureService(ctx, history, externalIds(`intake-${sizeLabel(size)}`, n));
      await ctx.quiet();
      const floorMs = await rawInsertsMs(store.uri, history.database, subject.answered);
      rows.push(...rowsFor(size, subject, floorMs));
      if (subject.answered.length < n)
        notes.push(
          `@ ${sizeLabel(size)}: sending stopped after the ${SENDING_BUDGET_MS / 1000} s budget: ` +
            `${subject.answered.length} of ${n} referrals measured`,
        );
    }
    notes.push(
      `floor: raw insertOne of the same JSON at concurrency ${CONCURRENCY} into ${SCRATCH} of the same database; ` +
        "cards: the least time Teams' per-conversation windows allow for that many sends in one channel",
    );
    return { rows, notes };
  },
};
