// Clicks on Accept, sent as Teams sends them to /api/messages, timed from request to invoke response by a client on
// a thread of its own (click-worker.ts).
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClickOutcome, ClickWorkerSetup } from './click-worker';

/**
 * Warm-up clicks (not measured); clicks one at a time, each once the bot has finished the work the last one set
 * off; clicks back to back, each as soon as the last was answered (its work may still be running); then clicks all
 * at once. Each on its own referral.
 */
export const CLICK_PLAN = { warmUp: 5, oneAtATime: 30, backToBack: 30, atOnce: 50 } as const;
export const CLICKS_NEEDED =
  CLICK_PLAN.warmUp + CLICK_PLAN.oneAtATime + CLICK_PLAN.backToBack + CLICK_PLAN.atOnce;
/**
 * Budgets that keep a run finite when a click costs seconds (it reads a log that grows with the history): a click
 * not answered within `timeoutMs` counts as `timeoutMs`, and the one-at-a-time clicks stop once they have used
 * `oneAtATimeBudgetMs` (with at least `minimumOneAtATime` measured).
 */
export const CLICK_BUDGET = {
  timeoutMs: 120_000,
  oneAtATimeBudgetMs: 300_000,
  minimumOneAtATime: 5,
} as const;

export interface ClickTimes {
  oneAtATimeMs: number[];
  backToBackMs: number[];
  atOnceMs: number[];
  /** Clicks not answered within the timeout (counted as the timeout). */
  timedOut: number;
  /** One-at-a-time clicks left out because the phase ran out of budget. */
  skipped: number;
  /** Referrals whose click was answered in time. */
  answered: string[];
}

/** What the bot under test is waited for between phases. */
export interface ClickPauses {
  /** Until the work a click set off is done (the service's effects; nothing for the floor, which has none). */
  afterEach(): Promise<void>;
  /** Before the back-to-back clicks and before the burst: until the bot and its store have settled. */
  beforePhase(): Promise<void>;
}

/** A bot the clicks go to: where it listens, the referrals to click (CLICKS_NEEDED of them), what it is waited for. */
export interface ClickSide {
  botUrl: string;
  /** Where its Bot Connector is (the service's replies go there; the floor has none). */
  serviceUrl: string;
  referralIds: readonly string[];
  pauses: ClickPauses;
}

/** A side being clicked: its own client thread and its figures. */
interface Clicking {
  pauses: ClickPauses;
  times: ClickTimes;
  take(n: number): string[];
  clickAll(referralIds: string[]): Promise<number[]>;
  stop(): Promise<number>;
}

function startClicking(side: ClickSide): Clicking {
  if (side.referralIds.length < CLICKS_NEEDED)
    throw new Error(`${CLICKS_NEEDED} referrals needed, got ${side.referralIds.length}`);
  const clicker = startClicker({
    botUrl: side.botUrl,
    serviceUrl: side.serviceUrl,
    timeoutMs: CLICK_BUDGET.timeoutMs,
  });
  const times: ClickTimes = {
    oneAtATimeMs: [],
    backToBackMs: [],
    atOnceMs: [],
    timedOut: 0,
    skipped: 0,
    answered: [],
  };
  const ids = [...side.referralIds];
  return {
    pauses: side.pauses,
    times,
    take: (n) => ids.splice(0, n),
    clickAll: async (referralIds) =>
      (await clicker.clickAll(referralIds)).map((outcome) => {
        if (!outcome.answered) {
          times.timedOut++;
          return CLICK_BUDGET.timeoutMs;
        }
        if (outcome.status !== 200 || outcome.bodyType !== 'application/vnd.microsoft.card.adaptive')
          throw new Error(
            `accept ${outcome.referralId}: HTTP ${outcome.status} ${outcome.body.slice(0, 300)}`,
          );
        times.answered.push(outcome.referralId);
        return outcome.ms;
      }),
    stop: clicker.stop,
  };
}

/**
 * Clicks Accept on the subject and on the floor in the same phases. The one-at-a-time clicks alternate between the
 * two (each round's first side alternating too), so a machine that gets busier part-way slows both alike; the
 * back-to-back clicks and the bursts go to one side and then the other, each once both have settled.
 */
export async function measureClicksSideBySide(
  subject: ClickSide,
  floor: ClickSide,
): Promise<{ subject: ClickTimes; floor: ClickTimes }> {
  const sides = [startClicking(subject), startClicking(floor)] as const;
  try {
    await clickInPhases(sides);
    return { subject: sides[0].times, floor: sides[1].times };
  } finally {
    await Promise.all(sides.map((side) => side.stop()));
  }
}

async function clickInPhases(sides: readonly Clicking[]): Promise<void> {
  const click = async (side: Clicking, referralId: string) => (await side.clickAll([referralId]))[0]!;
  const settleAll = async () => {
    for (const side of sides) await side.pauses.beforePhase();
  };
  for (const side of sides) for (const id of side.take(CLICK_PLAN.warmUp)) await click(side, id);
  await settleAll();
  const startedAt = performance.now();
  for (let round = 0; round < CLICK_PLAN.oneAtATime; round++) {
    const isOverBudget = performance.now() - startedAt > CLICK_BUDGET.oneAtATimeBudgetMs;
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const [id] = side.take(1);
      if (isOverBudget && side.times.oneAtATimeMs.length >= CLICK_BUDGET.minimumOneAtATime)
        side.times.skipped++;
      else {
        side.times.oneAtATimeMs.push(await click(side, id!));
        await side.pauses.afterEach();
      }
    }
  }
  for (const side of sides) {
    await settleAll();
    for (const id of side.take(CLICK_PLAN.backToBack)) side.times.backToBackMs.push(await click(side, id));
  }
  for (const side of sides) {
    await settleAll();
    side.times.atOnceMs = await side.clickAll(side.take(CLICK_PLAN.atOnce));
  }
}

/** The click client's thread: each `clickAll` sends its referrals' clicks at once and answers their outcomes. */
function startClicker(setup: ClickWorkerSetup) {
  const worker = new Worker(join(__dirname, 'click-worker.js'), { workerData: setup });
  let pending = Promise.resolve<unknown>(undefined);
  const answerOf = (referralIds: string[]) =>
    new Promise<ClickOutcome[]>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      worker.once('error', fail);
      worker.once('message', (outcomes: ClickOutcome[]) => {
        worker.off('error', fail);
        resolve(outcomes);
      });
      worker.postMessage(referralIds);
    });
  return {
    // One list at a time: the worker answers in the order it was asked.
    clickAll(referralIds: string[]): Promise<ClickOutcome[]> {
      const answer = pending.then(() => answerOf(referralIds));
      pending = answer.catch(() => undefined);
      return answer;
    },
    stop: () => worker.terminate(),
  };
}
