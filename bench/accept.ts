// `accept`: how long a click on Accept takes, one at a time and 50 at once, against a bare botbuilder bot doing
// one read and one write on the same store, with 1k, 10k and 50k referrals already stored.
import type { TestStore } from '../test/support/store';
import { startConnectorPeer } from '../test/support/connector-peer';
import { CLICK_BUDGET, CLICK_PLAN, CLICKS_NEEDED, measureClicks, type ClickTimes } from './clicks';
import type { PreloadedHistory, Section } from './context';
import { startFloorBot } from './floor-bot';
import { withInstalledService } from './service-under-test';
import {
  compare,
  externalIds,
  median,
  ms,
  percentile,
  progress,
  sendReferrals,
  sizeLabel,
  type Row,
} from './support';

interface ClickFigures {
  oneAtATimeP50: number;
  atOnceP50: number;
  atOnceP99: number;
}

const figuresOf = ({ oneAtATimeMs, atOnceMs }: ClickTimes): ClickFigures => ({
  oneAtATimeP50: median(oneAtATimeMs),
  atOnceP50: median(atOnceMs),
  atOnceP99: percentile(atOnceMs, 0.99),
});

/** The service on the history's database: New referrals through intake, their cards posted, then the clicks. */
async function measureService(store: TestStore, history: PreloadedHistory): Promise<ClickTimes> {
  const peer = await startConnectorPeer();
  try {
    return await withInstalledService(store.uri, history.database, peer.url, async (service) => {
      const size = sizeLabel(history.size);
      progress(`accept @ ${size}: ${CLICKS_NEEDED} New referrals through intake, waiting for their cards …`);
      const ids = await sendReferrals(service.url, externalIds(`accept-${size}`, CLICKS_NEEDED), 10);
      await service.idle();
      progress(`accept @ ${size}: clicking on the service`);
      const times = await measureClicks(service.url, peer.url, ids, () => service.idle());
      for (const id of times.answered) {
        const referral = await service.stores.projections.get(id);
        if (referral?.status !== 'Active') throw new Error(`accept ${id} left it ${referral?.status}`);
      }
      return times;
    });
  } finally {
    await peer.close();
  }
}

// The floor answers every click in its invoke response and never calls the Bot Connector.
const NO_CONNECTOR = 'http://127.0.0.1:9';

async function measureFloor(store: TestStore, size: number): Promise<ClickTimes> {
  progress(`accept @ ${sizeLabel(size)}: clicking on the floor bot`);
  const floor = await startFloorBot(store.uri, 'bench-floor', CLICKS_NEEDED);
  try {
    return await measureClicks(floor.url, NO_CONNECTOR, floor.referralIds, async () => undefined);
  } finally {
    await floor.stop();
  }
}

type SizedFigures = ClickFigures & { size: number };

const ratioAtMost = (atMost: number) => ({ on: 'ratio' as const, atMost });

/** The size's rows against the floor, then (past the first size) against the first size's figures. */
function rowsFor(subject: SizedFigures, floor: ClickFigures, first?: SizedFigures): Row[] {
  const at = `@ ${sizeLabel(subject.size)}`;
  const burst = `${CLICK_PLAN.atOnce} at once`;
  const rows = [
    compare(
      `Accept p50, one at a time ${at}`,
      ms(subject.oneAtATimeP50),
      ms(floor.oneAtATimeP50),
      ratioAtMost(1.5),
    ),
    compare(`Accept p50, ${burst} ${at}`, ms(subject.atOnceP50), ms(floor.atOnceP50)),
    compare(`Accept p99, ${burst} ${at}`, ms(subject.atOnceP99), ms(floor.atOnceP99), ratioAtMost(2)),
  ];
  if (!first) return rows;
  const base = `its ${sizeLabel(first.size)} figure`;
  return [
    ...rows,
    compare(
      `  p50 one at a time ${at} vs ${base}`,
      ms(subject.oneAtATimeP50),
      ms(first.oneAtATimeP50),
      ratioAtMost(1.5),
    ),
    compare(`  p99 ${burst} ${at} vs ${base}`, ms(subject.atOnceP99), ms(first.atOnceP99), ratioAtMost(1.5)),
  ];
}

export const acceptSection: Section = {
  name: 'accept',
  title: 'Accept p50/p99 against a minimal botbuilder bot doing one read and one write on the same store',
  async run(ctx) {
    const store = await ctx.store();
    const rows: Row[] = [];
    const notes: string[] = [];
    let first: SizedFigures | undefined;
    for (const size of ctx.settings.sizes) {
      const history = await ctx.history(size);
      notes.push(historyNote(history));
      const subjectTimes = await measureService(store, history);
      const floorTimes = await measureFloor(store, size);
      const subject = { ...figuresOf(subjectTimes), size };
      rows.push(...rowsFor(subject, figuresOf(floorTimes), first));
      notes.push(
        ...budgetNotes(`service @ ${sizeLabel(size)}`, subjectTimes),
        ...budgetNotes('floor', floorTimes),
      );
      first ??= subject;
    }
    notes.push(
      `clicks: ${CLICK_PLAN.warmUp} warm-up, ${CLICK_PLAN.oneAtATime} one at a time, ${CLICK_PLAN.atOnce} at once, ` +
        'each on its own New referral; p99 of 50 is the slowest of them',
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

export function historyNote(history: PreloadedHistory): string {
  return history.isReused
    ? `history @ ${sizeLabel(history.size)}: reused from an earlier section (it holds that section's referrals too)`
    : `history @ ${sizeLabel(history.size)}: ${history.size} referrals (${history.documents} documents) preloaded in ` +
        `${(history.preloadMs / 1000).toFixed(1)} s`;
}
