// The safety net under webhooks: Partner Center keeps one webhook URL per event and account (a CRM connector
// registering its own silently takes ours), and parks an event after 10 failed deliveries. So the unanswered
// referrals are also listed on a schedule, and any the desk does not have yet come in like any other.
import { schedule } from 'node-cron';
import type { Logger } from '../platform/logger';
import { PENDING_FILTER, type PartnerCenterApi } from './api-client';
import type { IntegrationHealth } from '../services/integration-health';
import { ingestReferral, type IngestDeps, type IngestOutcome } from './ingest';

export type PollSummary = Record<IngestOutcome, number> & {
  /** Created by this poll though Partner Center created them long enough ago for a webhook to have come. */
  onlyPolled: number;
};

export interface PollerDeps extends IngestDeps {
  api: PartnerCenterApi;
  health?: Pick<IntegrationHealth, 'pollFinished'>;
  /**
   * Since when this instance takes webhooks. Only a referral created after it counts against the webhooks: one
   * created before (the backlog at first start, or during downtime) had no listener to reach.
   */
  listeningSince?: Date;
}

/**
 * A webhook comes within seconds of a referral's creation; one that was not there this long after it is taken
 * as missing (webhooks silent, e.g. a CRM connector took the account's one registration).
 */
export const WEBHOOK_GRACE_MS = 15 * 60_000;

/** One pass over Partner Center's pending referrals; `now` is when the pass runs. */
export async function pollOnce(deps: PollerDeps, now: Date): Promise<PollSummary> {
  const summary: PollSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    invalid: 0,
    onlyPolled: 0,
  };
  for await (const json of deps.api.listReferrals(PENDING_FILTER)) {
    const outcome = await ingestReferral(deps, json);
    summary[outcome]++;
    if (outcome === 'created' && isMissedWebhook(json, now, deps.listeningSince)) summary.onlyPolled++;
  }
  deps.log.info({ ...summary, at: now.toISOString() }, 'Partner Center poll done');
  await deps.health?.pollFinished(now, summary.onlyPolled);
  return summary;
}

function isMissedWebhook(
  json: Record<string, unknown>,
  now: Date,
  listeningSince: Date | undefined,
): boolean {
  const createdAt = typeof json.createdDateTime === 'string' ? Date.parse(json.createdDateTime) : NaN;
  if (!Number.isFinite(createdAt) || !listeningSince || createdAt < listeningSince.getTime()) return false;
  return now.getTime() - createdAt > WEBHOOK_GRACE_MS;
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
