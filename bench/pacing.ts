// `pacing`: a backlog of new referrals for one channel, posted to a connector that enforces Teams' limits exactly:
// how close the service comes to the fastest rate those limits allow, and how often it is told to slow down.
import { performance } from 'node:perf_hooks';
import {
  earliestSchedule,
  startStrictConnectorPeer,
  TEAMS_CONVERSATION_WINDOWS,
} from '../test/support/strict-connector-peer';
import type { Section } from './context';
import { withInstalledService } from './service-under-test';
import { compare, count, externalIds, perSecond, progress, seconds, sendReferrals, sleep } from './support';

const CONCURRENCY = 20;

export const pacingSection: Section = {
  name: 'pacing',
  title:
    'a card backlog for one channel drained at ≥ 90 % of the allowance with 0 × 429 from a peer enforcing the limits',
  async run(ctx) {
    const store = await ctx.store();
    const n = ctx.settings.pacingCount;
    const schedule = earliestSchedule(n, TEAMS_CONVERSATION_WINDOWS);
    const leastMs = schedule.at(-1)!;
    const peer = await startStrictConnectorPeer();
    let answeredMs = 0;
    try {
      const tookMs = await withInstalledService(store.uri, 'bench-pacing', peer.url, async (service) => {
        await ctx.quiet();
        progress(
          `pacing: ${n} referrals for one channel; the limits allow them in ${(leastMs / 1000).toFixed(1)} s at best`,
        );
        const startedAt = performance.now();
        const threads = () => peer.landed.threads.length;
        await sendReferrals(service.url, externalIds('pacing', n), CONCURRENCY);
        answeredMs = performance.now() - startedAt;
        // Four times the best case is far beyond any pacer worth measuring; past it, report what is known.
        const deadline = startedAt + 4 * leastMs + 60_000;
        while (threads() < n && performance.now() < deadline) await sleep(50);
        if (threads() < n)
          throw new Error(`only ${threads()} of ${n} threads after ${(deadline - startedAt) / 1000} s`);
        return performance.now() - startedAt;
      });
      const rateOf = (msTaken: number) => perSecond((n / msTaken) * 1000);
      return {
        rows: [
          compare(
            `time until all ${n} threads exist (floor: the limits' best)`,
            seconds(tookMs),
            seconds(leastMs),
          ),
          compare('achieved rate vs the allowance', rateOf(tookMs), rateOf(leastMs), {
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
          `limits per conversation: ${TEAMS_CONVERSATION_WINDOWS.map((w) => `${w.sends}/${w.perMs / 1000} s`).join(', ')} ` +
            '(sliding windows; a new thread counts against its channel)',
          `best case: each send as soon as every window allows; the ${n}th then goes out ${(leastMs / 1000).toFixed(1)} s after the first`,
          `the ${n} referrals were all answered by intake ${(answeredMs / 1000).toFixed(1)} s after the first was sent`,
        ],
      };
    } finally {
      await peer.close();
    }
  },
};
