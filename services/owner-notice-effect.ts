import type { ReferralEvent } from '../core/events';
import type { Person, Referral } from '../core/referral';
import type { ReferralEventLog } from '../storage/referral-events';
import type { ChangeEffect } from './change-effects';

/**
 * The change effect that tells a referral's new owner in their personal chat, when someone else made them the
 * owner (whoever accepts a referral owns it and needs no note). Finishing a change after a crash (no event), it
 * looks for the assignment in the referral's history; the note itself is sent once per referral and owner.
 */
export function ownerNoticeEffect(
  events: Pick<ReferralEventLog, 'listUpTo'>,
  notices: { ownerAssigned(referral: Referral, owner: Person, by: Person): Promise<unknown> },
): ChangeEffect {
  return {
    name: 'owner-notice',
    async run({ referral, event }) {
      const assignment = event ?? (await lastAssignment(events, referral));
      if (assignment?.type !== 'owner-assigned' || assignment.owner.id === assignment.actor.id) return;
      // A later assignment replaced this one: the note is the later owner's.
      if (referral.owner?.id !== assignment.owner.id) return;
      await notices.ownerAssigned(referral, assignment.owner, assignment.actor);
    },
  };
}

async function lastAssignment(
  events: Pick<ReferralEventLog, 'listUpTo'>,
  referral: Referral,
): Promise<ReferralEvent | undefined> {
  const history = await events.listUpTo(referral.id, referral.version);
  return history.filter((e) => e.type === 'owner-assigned').at(-1);
}
