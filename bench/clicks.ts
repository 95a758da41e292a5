// Clicks on Accept, sent as Teams sends them to /api/messages, timed from request to invoke response.
import { DANA, teamsClient } from '../test/support/teams-client';
import { performance } from 'node:perf_hooks';
import { sleep, timed } from './support';

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

/** What Teams sends for Accept: the action's data merged with the filled-in accept form. */
export function acceptForm(referralId: string): Record<string, unknown> {
  return {
    referralId,
    form: 'accept',
    'accept.engagementName': 'Contoso landing zone',
    'accept.value': '120000',
    'accept.currency': 'USD',
    'accept.purchaseDate': '',
    'accept.purchaseTimeframe': '1-3-months',
    'accept.notes': 'Call booked for Thursday',
    'accept.crmId': 'CRM-4711',
  };
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
  const teams = teamsClient(botUrl, serviceUrl);
  const times: ClickTimes = {
    oneAtATimeMs: [],
    backToBackMs: [],
    atOnceMs: [],
    timedOut: 0,
    skipped: 0,
    answered: [],
  };
  const click = async (referralId: string): Promise<number> => {
    const sent = teams.click(DANA, 'accept', acceptForm(referralId));
    sent.catch(() => undefined); // a click given up on below may still fail later
    const { ms, value: reply } = await timed(() => Promise.race([sent, sleep(CLICK_BUDGET.timeoutMs)]));
    if (!reply) {
      times.timedOut++;
      return CLICK_BUDGET.timeoutMs;
    }
    if (reply.status !== 200 || reply.body.type !== 'application/vnd.microsoft.card.adaptive')
      throw new Error(
        `accept ${referralId}: HTTP ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`,
      );
    times.answered.push(referralId);
    return ms;
  };
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
  times.atOnceMs = await Promise.all(take(CLICK_PLAN.atOnce).map(click));
  return times;
}
