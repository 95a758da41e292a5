import type { ReferralChangeListener } from '../services/referral-service';
import type { Clock } from '../platform/clock';
import type { ReferralEventLog } from '../storage/referral-events';
import type { PartnerCenterLinks } from '../storage/partner-center-links';
import type { SyncOutbox } from '../storage/sync-outbox';
import type { ReferralService } from '../services/referral-service';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { isWriteBackEvent } from './write-back-patch';

/**
 * Queues each desk decision on a Partner Center referral for writing back. Only a unique insert happens here,
 * so a person's click never waits on Partner Center; `onEnqueued` lets the drainer start at once.
 */
export function partnerCenterWriteBack(deps: {
  outbox: SyncOutbox;
  clock: Clock;
  onEnqueued?: () => void;
}): ReferralChangeListener {
  return async ({ event, referral }) => {
    if (referral.source !== PARTNER_CENTER_SOURCE || !isWriteBackEvent(event)) return;
    const result = await deps.outbox.enqueue(
      { referralId: event.referralId, seq: event.seq, eventType: event.type },
      deps.clock(),
    );
    if (result === 'enqueued') deps.onEnqueued?.();
  };
}

export interface SweepDeps {
  outbox: SyncOutbox;
  links: PartnerCenterLinks;
  events: ReferralEventLog;
  service: ReferralService;
}

/**
 * Enqueues decisions whose listener never ran (the process died between appending the event and enqueueing
 * it). Looks only at referrals that can still change, from the last seq it looked at.
 */
export async function sweepMissedDecisions(deps: SweepDeps, now: Date): Promise<number> {
  let enqueued = 0;
  for (const link of await deps.links.listUnsettled()) {
    const referral = await deps.service.load(link.referralId);
    if (!referral || referral.version <= link.sweptSeq) continue;
    const events = await deps.events.listAfter(link.referralId, link.sweptSeq);
    for (const event of events.filter(isWriteBackEvent)) {
      const entry = { referralId: event.referralId, seq: event.seq, eventType: event.type };
      if ((await deps.outbox.enqueue(entry, now)) === 'enqueued') enqueued++;
    }
    const lastSeq = events.at(-1)?.seq ?? referral.version;
    await deps.links.markSwept(link.referralId, lastSeq, referral.status === 'Closed');
  }
  return enqueued;
}
