// `pacing`: a backlog of new referrals for one channel, posted to a connector that enforces Teams' limits exactly:
// how close the service comes to the fastest rate those limits allow, and how often it is told to slow down.
import { performance } from 'node:perf_hooks';
import {
  earliestSchedule,
  startStrictConnectorPeer,
  TEAMS_CONVERSATION_WINDOWS,
  type StrictConnectorPeer,
} from '../test/support/strict-connector-peer';
import type { BenchContext, Section } from './context';
import { compare, count, perSecond, seconds } from './report';
import { withInstalledService } from './service-under-test';
import { externalIds, progress, sendReferrals, sleep } from './support';

const CONCURRENCY = 20;

/** Sends `n` referrals through intake while the bot is installed; times until the intake answered and all threads exist. */
async function drainBacklog(ctx: BenchContext, peer: StrictConnectorPeer, n: number, leastMs: number) {
  const { uri } = await ctx.store();
  return withInstalledService(uri, 'bench-pacing', peer.url, async (service) => {
    await ctx.quiet();
    progress(
      `pacing: ${n} referrals for one channel; the limits allow them in ${(leastMs / 1000).toFixed(1)} s at best`,
    );
    const startedAt = performance.now();
    const threads = () => peer.landed.threads.length;
    await sendReferrals(service.url, externalIds('pacing', n), CONCURRENCY);
    const answeredMs = performance.now() - startedAt;
    // Four times the best case is far beyond any pacer worth measuring; past it, report what is known.
    const deadline = startedAt + 4 * leastMs + 60_000;
    while (threads() < n && performance.now() < deadline) await sleep(50);
    if (threads() < n)
      throw new Error(`only ${threads()} of ${n} threads after ${(deadline - startedAt) / 1000} s`);
    return { answeredMs, threadsMs: performance.now() - startedAt };
  });
}

export const pacingSection: Section = {
  name: 'pacing',
  title:
    'a card backlog for one channel drained at ≥ 90 % of the allowance with 0 × 429 from a peer enforcing the limits',
  async run(ctx) {
    const n = ctx.settings.pacingCount;
    const leastMs = earliestSchedule(n, TEAMS_CONVERSATION_WINDOWS).at(-1)!;
    const peer = await startStrictConnectorPeer();
    try {
      const { answeredMs, threadsMs } = await drainBacklog(ctx, peer, n, leastMs);
      const rateOf = (msTaken: number) => perSecond((n / msTaken) * 1000);
      const limits = TEAMS_CONVERSATION_WINDOWS.map((w) => `${w.sends}/${w.perMs / 1000} s`).join(', ');
      return {
        rows: [
          compare(
            `time until all ${n} threads exist (floor: the limits' best)`,
            seconds(threadsMs),
            seconds(leastMs),
          ),
          compare('achieved rate vs the allowance', rateOf(threadsMs), rateOf(leastMs), {
            on: 'ratio',
            atLeast: 0.9,
          }),
          compare('429s from the enforcing peer', count(peer.throttled), '0', {
            on: 'subject',
            atMost: 0,
            unit: '',
          }),
        ],
        notes: [
          `limits per conversation: ${limits} (sliding windows; a new thread counts against its channel)`,
          `best case: each send as soon as every window allows; the ${n}th then goes out ${(leastMs / 1000).toFixed(1)} s after the first`,
          `intake had answered all ${n} referrals ${(answeredMs / 1000).toFixed(1)} s after the first was sent`,
        ],
      };
    } finally {
      await peer.close();
    }
  },
};
