// The bench's Teams: clicks sent from a worker thread, so a click's reply is read on an event loop of its own, as
// Teams reads it on its own machine, and not behind the work the bot under test sets off once it has answered.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { acceptForm, DANA, teamsClient } from '../test/support/teams-client';

/** What the worker is started with. */
export interface ClickWorkerSetup {
  botUrl: string;
  serviceUrl: string;
  timeoutMs: number;
}

/** One click's outcome: answered in `ms` with the reply's kind, or not answered within the timeout. */
export type ClickOutcome =
  | { referralId: string; answered: true; ms: number; status: number; bodyType?: string; body: string }
  | { referralId: string; answered: false };

// The purchase given as a timeframe, no date: the form as most sellers fill it in.
const TIMEFRAME_ONLY = { 'accept.purchaseDate': '', 'accept.purchaseTimeframe': '1-3-months' };

const setup = workerData as ClickWorkerSetup;
const teams = teamsClient(setup.botUrl, setup.serviceUrl);

async function click(referralId: string): Promise<ClickOutcome> {
  const startedAt = performance.now();
  const sent = teams.click(DANA, 'accept', acceptForm(referralId, TIMEFRAME_ONLY));
  sent.catch(() => undefined); // a click given up on below may still fail later
  let giveUp: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>(
    (done) => (giveUp = setTimeout(() => done(undefined), setup.timeoutMs)),
  );
  const reply = await Promise.race([sent, timeout]);
  clearTimeout(giveUp);
  if (!reply) return { referralId, answered: false };
  const ms = performance.now() - startedAt;
  const body =
    reply.body.type === 'application/vnd.microsoft.card.adaptive' ? '' : JSON.stringify(reply.body);
  return { referralId, answered: true, ms, status: reply.status, bodyType: reply.body.type, body };
}

// Each message is a list of referrals to click on at once; the answer is their outcomes, in the same order.
parentPort?.on('message', (referralIds: string[]) => {
  void Promise.all(referralIds.map(click)).then((outcomes) => parentPort?.postMessage(outcomes));
});
