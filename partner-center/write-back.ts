import { PARTNER_CENTER_SOURCE } from '../core/sources';
import type { Clock } from '../platform/clock';
import type { ChangeEffect } from '../services/change-effects';
import type { ReferralEventLog } from '../storage/referral-events';
import type { SyncOutbox } from '../storage/sync-outbox';
import { isWriteBackEvent } from './write-back-patch';

/**
 * The change effect that queues each desk decision on a Partner Center referral for writing back. Only a unique
 * insert happens here, so a person's click never waits on Partner Center; `onEnqueued` wakes the drainer. A change
 * finished after a crash (no event) queues every decision of the referral: the outbox keeps each one once.
 */
export function partnerCenterWriteBack(deps: {
  outbox: SyncOutbox;
  events: ReferralEventLog;
  clock: Clock;
  onEnqueued?: () => void;
}): ChangeEffect {
  return {
    name: 'partner-center-write-back',
    async run({ referral, event }) {
      if (referral.source !== PARTNER_CENTER_SOURCE) return;
      const events = event ? [event] : await deps.events.listUpTo(referral.id, referral.version);
      let enqueued = 0;
      for (const decision of events.filter(isWriteBackEvent)) {
        const entry = { referralId: decision.referralId, seq: decision.seq, eventType: decision.type };
        if ((await deps.outbox.enqueue(entry, deps.clock())) === 'enqueued') enqueued++;
      }
      if (enqueued > 0) deps.onEnqueued?.();
    },
  };
}
