// The safety net under webhooks: Partner Center keeps one webhook URL per event and account (a CRM connector
// registering its own silently takes ours), and parks an event after 10 failed deliveries. So the unanswered
// referrals are also listed on a schedule, and any the desk does not have yet come in like any other.
import { schedule } from 'node-cron';
import type { Logger } from '../platform/logger';
import { PENDING_FILTER, type PartnerCenterApi } from './api-client';
import { ingestReferral, type IngestDeps, type IngestOutcome } from './ingest';

export type PollSummary = Record<IngestOutcome, number>;

export interface PollerDeps extends IngestDeps {
  api: PartnerCenterApi;
}

/** One pass over Partner Center's pending referrals; `now` is when the pass runs, for the log. */
export async function pollOnce(deps: PollerDeps, now: Date): Promise<PollSummary> {
  const summary: PollSummary = { created: 0, updated: 0, unchanged: 0, skipped: 0, invalid: 0 };
  for await (const json of deps.api.listReferrals(PENDING_FILTER)) {
    summary[await ingestReferral(deps, json)]++;
  }
  deps.log.info({ ...summary, at: now.toISOString() }, 'Partner Center poll done');
  return summary;
}

export function startPartnerCenterPoller(
  deps: PollerDeps,
  options: { cron: string; log: Logger },
): { stop(): Promise<void> } {
  const task = schedule(
    options.cron,
    async () => {
      try {
        await pollOnce(deps, deps.clock());
      } catch (error) {
        options.log.error({ err: error }, 'Partner Center poll failed; the next one will try again');
      }
    },
    { name: 'partner-center-poll', noOverlap: true },
  );
  return {
    async stop() {
      await task.destroy();
    },
  };
}
