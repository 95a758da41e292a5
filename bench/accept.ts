// `accept`: how long a click on Accept takes, one at a time and 50 at once, against a bare botbuilder bot doing
// one read and one write on the same store, with 1k, 10k and 50k referrals already stored.
import { startConnectorPeer } from '../test/support/connector-peer';
import { CLICK_BUDGET, CLICK_PLAN, CLICKS_NEEDED, measureClicksSideBySide, type ClickTimes } from './clicks';
import { historyNote, type BenchContext, type PreloadedHistory, type Section } from './context';
import { startFloorBot } from './floor-bot';
import { withInstalledService } from './service-under-test';
import { compare, ms, type Measured, type Row } from './report';
import { externalIds, percentile, progress, sendReferrals, sizeLabel } from './support';

interface ClickFigures {
  oneAtATimeP50: Measured;
  backToBackP50: Measured;
  atOnceP50: Measured;
  atOnceP99: Measured;
}

/** A percentile of click times; one that falls on a click past the timeout is only a lower bound. */
function clickPercentile(samples: number[], q: number): Measured {
  const value = percentile(samples, q);
  return { ...ms(value), isLowerBound: value >= CLICK_BUDGET.timeoutMs };
}

const figuresOf = ({ oneAtATimeMs, backToBackMs, atOnceMs }: ClickTimes): ClickFigures => ({
  oneAtATimeP50: clickPercentile(oneAtATimeMs, 0.5),
  backToBackP50: clickPercentile(backToBackMs, 0.5),
  atOnceP50: clickPercentile(atOnceMs, 0.5),
  atOnceP99: clickPercentile(atOnceMs, 0.99),
});

/**
 * The service on the history's database (New referrals through intake, their cards posted) and the floor bot on
 * the same store, both running, then the clicks on both side by side.
 */
async function measureSideBySide(ctx: BenchContext, history: PreloadedHistory) {
  const peer = await startConnectorPeer();
  const { uri } = await ctx.store();
  try {
    return await withInstalledService(uri, history.database, peer.url, async (service) => {
      const size = sizeLabel(history.size);
      progress(`accept @ ${size}: ${CLICKS_NEEDED} New referrals through intake, waiting for their cards …`);
      const ids = await sendReferrals(service.url, externalIds(`accept-${size}`, CLICKS_NEEDED), 10);
      await service.idle();
      const floor = await startFloorBot(uri, 'bench-floor', CLICKS_NEEDED);
      try {
        progress(`accept @ ${size}: clicking on the service and on the floor bot in turn`);
        const times = await measureClicksSideBySide(
          {
            botUrl: service.url,
            serviceUrl: peer.url,
            referralIds: ids,
            pauses: {
              afterEach: () => service.idle(),
              beforePhase: async () => {
                await service.idle();
                await ctx.quiet();
              },
            },
          },
          {
            botUrl: floor.url,
            serviceUrl: NO_CONNECTOR,
            referralIds: floor.referralIds,
            // The floor sets nothing off, so there is nothing to wait for after a click.
            pauses: { afterEach: async () => undefined, beforePhase: ctx.quiet },
          },
        );
        for (const id of times.subject.answered) {
          const referral = await service.stores.projections.get(id);
          if (referral?.status !== 'Active') throw new Error(`accept ${id} left it ${referral?.status}`);
        }
        return times;
      } finally {
        await floor.stop();
      }
    });
  } finally {
    await peer.close();
  }
}

// The floor answers every click in its invoke response and never calls the Bot Connector.
const NO_CONNECTOR = 'http://127.0.0.1:9';

type SizedFigures = ClickFigures & { size: number };

const ratioAtMost = (atMost: number) => ({ on: 'ratio' as const, atMost });

/** The size's rows against the floor, then (past the first size) against the first size's figures. */
function rowsFor(subject: SizedFigures, floor: ClickFigures, first?: SizedFigures): Row[] {
  const at = `@ ${sizeLabel(subject.size)}`;
  const burst = `${CLICK_PLAN.atOnce} at once`;
  const rows = [
    compare(`Accept p50, one at a time ${at}`, subject.oneAtATimeP50, floor.oneAtATimeP50, ratioAtMost(1.5)),
    compare(`Accept p50, back to back ${at}`, subject.backToBackP50, floor.backToBackP50),
    compare(`Accept p50, ${burst} ${at}`, subject.atOnceP50, floor.atOnceP50),
    compare(`Accept p99, ${burst} ${at}`, subject.atOnceP99, floor.atOnceP99, ratioAtMost(2)),
  ];
  if (!first) return rows;
  const base = `its ${sizeLabel(first.size)} figure`;
  return [
    ...rows,
    compare(
      `  p50 one at a time ${at} vs ${base}`,
      subject.oneAtATimeP50,
      first.oneAtATimeP50,
      ratioAtMost(1.5),
    ),
    compare(`  p99 ${burst} ${at} vs ${base}`, subject.atOnceP99, first.atOnceP99, ratioAtMost(1.5)),
  ];
}

export const acceptSection: Section = {
  name: 'accept',
  title: 'Accept p50/p99 against a minimal botbuilder bot doing one read and one write on the same store',
  async run(ctx) {
    const rows: Row[] = [];
    const notes: string[] = [];
    let first: SizedFigures | undefined;
    for (const size of ctx.settings.sizes) {
      const history = await ctx.history(size);
      notes.push(historyNote(history));
      const { subject: subjectTimes, floor: floorTimes } = await measureSideBySide(ctx, history);
      const subject = { ...figuresOf(subjectTimes), size };
      rows.push(...rowsFor(subject, figuresOf(floorTimes), first));
      notes.push(
        ...budgetNotes(`service @ ${sizeLabel(size)}`, subjectTimes),
        ...budgetNotes('floor', floorTimes),
      );
      first ??= subject;
    }
    notes.push(
      `clicks: ${CLICK_PLAN.warmUp} warm-up; ${CLICK_PLAN.oneAtATime} one at a time, alternating between the ` +
        'service and the floor (both running on the same store), each once the bot has done ' +
        `what the last one set off (the service's effects: projection, card for everyone, live work, mark; the ` +
        `floor has none); ${CLICK_PLAN.backToBack} back to back, each as soon as the last was answered, its ` +
        `effects still running; ${CLICK_PLAN.atOnce} at once. Each on its own New referral; p99 of 50 is the ` +
        'slowest of them',
    );
    return { rows, notes };
  },
};

function budgetNotes(who: string, times: ClickTimes): string[] {
  const notes: string[] = [];
  if (times.timedOut > 0)
    notes.push(
      `${who}: ${times.timedOut} clicks unanswered after ${CLICK_BUDGET.timeoutMs / 1000} s, counted as that`,
    );
  if (times.skipped > 0)
    notes.push(
      `${who}: ${times.skipped} of ${CLICK_PLAN.oneAtATime} one-at-a-time clicks left out ` +
        `(the phase's ${CLICK_BUDGET.oneAtATimeBudgetMs / 1000} s budget ran out)`,
    );
  return notes;
}
