// Sends queued decisions to Partner Center, one referral's decisions in order. Happy path: one PATCH per decision,
// under the eTag last seen. A 412 means Partner Center changed since: the referral is fetched (and taken in, so
// the desk shows what changed), and the decision is sent again only if it still means something there.
import type { OutboxEntry, AttemptOutcome, SyncOutbox } from '../storage/sync-outbox';
import type { ReferralEvent } from '../core/events';
import type { ReferralEventLog } from '../storage/referral-events';
import type { PartnerCenterLink } from '../storage/partner-center-links';
import type { PartnerCenterApi } from './api-client';
import { ingestReferral, type IngestDeps } from './ingest';
import type { IntegrationHealth } from '../services/integration-health';
import { readSnapshot } from './referral-snapshot';
import { assessAgainst } from './write-back-assessment';
import { notesBlockFor, patchFor } from './write-back-patch';

/** Leases are per (entry, attempt, slot): a drainer that died mid-attempt frees the entry at the next slot. */
export const LEASE_SLOT_MS = 10 * 60_000;
/** An attempt (at most 4 PATCHes and 3 GETs of 20 s each) always starts this long before its slot ends. */
const ATTEMPT_BUDGET_MS = 3 * 60_000;
const MAX_PATCHES_PER_ATTEMPT = 4;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export interface DrainerDeps extends IngestDeps {
  health?: IntegrationHealth;
  listeningSince?: Date;
  api: PartnerCenterApi;
  outbox: SyncOutbox;
  events: ReferralEventLog;
  /** Names this process in lease records, for whoever reads them while debugging. */
  holder: string;
}

export type DrainSummary = Record<'sent' | 'superseded' | 'retrying' | 'busy', number>;

export async function drainOutbox(deps: DrainerDeps, now: Date): Promise<DrainSummary> {
  const summary: DrainSummary = { sent: 0, superseded: 0, retrying: 0, busy: 0 };
  for (const entry of firstPendingPerReferral(await deps.outbox.listPending())) {
    if (entry.nextAttemptAt.getTime() > now.getTime()) continue;
    const slot = Math.floor((now.getTime() + ATTEMPT_BUDGET_MS) / LEASE_SLOT_MS);
    if (!(await deps.outbox.lease(entry, entry.attempts + 1, slot, deps.holder, now))) {
      summary.busy++;
      continue;
    }
    const outcome = await attempt(deps, entry, now);
    await deps.outbox.finishAttempt(entry, outcome);
    if (outcome.state === 'retry') {
      deps.log.warn(
        { referralId: entry.referralId, seq: entry.seq, error: outcome.error },
        'write-back will retry',
      );
      summary.retrying++;
    } else summary[outcome.state]++;
  }
  return summary;
}

/** Decisions on one referral go in order: an edit must not reach Partner Center before the acceptance. */
function firstPendingPerReferral(pending: OutboxEntry[]): OutboxEntry[] {
  const first = new Map<string, OutboxEntry>();
  for (const entry of pending) {
    const seen = first.get(entry.referralId);
    if (!seen || entry.seq < seen.seq) first.set(entry.referralId, entry);
  }
  return [...first.values()];
}

async function attempt(deps: DrainerDeps, entry: OutboxEntry, now: Date): Promise<AttemptOutcome> {
  const retry = (error: string, isFailure = true, afterMs?: number): AttemptOutcome => ({
    state: 'retry',
    error,
    isFailure,
    nextAttemptAt: new Date(now.getTime() + (afterMs ?? backoffMs(entry.failures))),
  });
  try {
    const event = await deps.events.get(entry.referralId, entry.seq);
    const link = await deps.links.get(entry.referralId);
    if (!event || event.seq !== entry.seq) return { state: 'superseded', at: now, note: 'event not found' };
    if (!link) return retry('no Partner Center link for this referral yet');
    return await send(deps, event, link, now, retry);
  } catch (error) {
    return retry((error as Error).message);
  }
}

async function send(
  deps: DrainerDeps,
  event: ReferralEvent,
  link: PartnerCenterLink,
  now: Date,
  retry: (error: string, isFailure?: boolean, afterMs?: number) => AttemptOutcome,
): Promise<AttemptOutcome> {
  let operations = patchFor(event);
  if (operations.length === 0) return { state: 'sent', at: now, note: 'nothing to send' };
  // Notes are appended to Partner Center's text as it is now, so a decision with notes reads the referral first.
  const hasNotes = notesBlockFor(event) !== undefined;
  let eTag = hasNotes ? undefined : link.eTag;
  for (let patches = 0; patches < MAX_PATCHES_PER_ATTEMPT; patches++) {
    if (!eTag) {
      const fetched = await deps.api.getReferral(link.partnerCenterId);
      if (!fetched) return { state: 'superseded', at: now, note: 'Partner Center has no such referral' };
      await ingestReferral(deps, fetched.json);
      if (hasNotes) operations = patchFor(event, notesIn(fetched.json));
      const verdict = assessAgainst(event, operations, fetched.json);
      if (verdict !== 'send')
        return { state: verdict === 'applied' ? 'sent' : 'superseded', at: now, note: verdict };
      eTag = fetched.eTag;
      if (!eTag) return retry('Partner Center sent the referral without an eTag');
    }
    const result = await deps.api.patchReferral(link.partnerCenterId, operations, eTag);
    switch (result.kind) {
      case 'applied':
        await recordOwnChange(deps, link, result.referral?.json, now);
        return { state: 'sent', at: now };
      case 'precondition-failed':
        eTag = undefined;
        continue;
      case 'throttled':
        return retry('Partner Center asked to slow down (429)', false, result.retryAfterMs);
      case 'unavailable':
      case 'rejected':
        return retry(result.message);
    }
  }
  return retry('Partner Center kept changing the referral (412 after every refresh)');
}

/**
 * The representation returned after our own PATCH is the state we last saw plus our change (If-Match guarantees
 * nothing came between), so its eTag is recorded without taking it in: that would echo our change back as one.
 */
async function recordOwnChange(deps: DrainerDeps, link: PartnerCenterLink, json: unknown, now: Date) {
  if (json === undefined) return;
  const read = readSnapshot(json, now);
  if (read.ok && read.value.eTag) {
    await deps.links.recordSeen(
      link.referralId,
      link.partnerCenterId,
      read.value.eTag,
      read.value.modifiedAt,
    );
  }
}

function notesIn(json: Record<string, unknown>): string | undefined {
  const details = json.details as { notes?: unknown } | undefined;
  return typeof details?.notes === 'string' ? details.notes : undefined;
}

export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** failures);
}
