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

/** Clicks Accept on `referralIds` (CLICKS_NEEDED of them) at the bot at `botUrl`, pausing as `pauses` says. */
export async function measureClicks(
  botUrl: string,
  serviceUrl: string,
  referralIds: readonly string[],
  pauses: ClickPauses,
): Promise<ClickTimes> {
  if (referralIds.length < CLICKS_NEEDED)
    throw new Error(`${CLICKS_NEEDED} referrals needed, got ${referralIds.length}`);
  const clicker = startClicker({ botUrl, serviceUrl, timeoutMs: CLICK_BUDGET.timeoutMs });
  const times: ClickTimes = {
    oneAtATimeMs: [],
    backToBackMs: [],
    atOnceMs: [],
    timedOut: 0,
    skipped: 0,
    answered: [],
  };
  const clickAll = async (referralIds: string[]): Promise<number[]> =>
    (await clicker.clickAll(referralIds)).map((outcome) => {
      if (!outcome.answered) {
        times.timedOut++;
        return CLICK_BUDGET.timeoutMs;
      }
      if (outcome.status !== 200 || outcome.bodyType !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`accept ${outcome.referralId}: HTTP ${outcome.status} ${outcome.body.slice(0, 300)}`);
      times.answered.push(outcome.referralId);
      return outcome.ms;
    });
  try {
    return await clickInPhases(referralIds, pauses, times, clickAll);
  } finally {
    await clicker.stop();
  }
}

async function clickInPhases(
  referralIds: readonly string[],
  pauses: ClickPauses,
  times: ClickTimes,
  clickAll: (referralIds: string[]) => Promise<number[]>,
): Promise<ClickTimes> {
  const click = async (referralId: string): Promise<number> => (await clickAll([referralId]))[0]!;
  const ids = [...referralIds];
  const take = (n: number) => ids.splice(0, n);
  for (const id of take(CLICK_PLAN.warmUp)) await click(id);
  await pauses.beforePhase();
  const startedAt = performance.now();
  for (const id of take(CLICK_PLAN.oneAtATime)) {
    const isOverBudget = performance.now() - startedAt > CLICK_BUDGET.oneAtATimeBudgetMs;
    if (isOverBudget && times.oneAtATimeMs.length >= CLICK_BUDGET.minimumOneAtATime) times.skipped++;
    else {
      times.oneAtATimeMs.push(await click(id));
      await pauses.afterEach();
    }
  }
  await pauses.beforePhase();
  for (const id of take(CLICK_PLAN.backToBack)) times.backToBackMs.push(await click(id));
  await pauses.beforePhase();
  times.atOnceMs = await clickAll(take(CLICK_PLAN.atOnce));
  return times;
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
