// THE reducer: a referral is the fold of its events, and this is the only code that says how each event changes
// it. Pure: it returns a new referral and never mutates its inputs.
import { compact } from './compact';
import type { EngagementChanges, ReferralEvent, SourceTransition } from './events';
import type { Actor, Closure, Contact, Engagement, IncomingReferral, Referral } from './referral';
import { withSourceChanges } from './source-update';
import { clocksStartAt, expiresAt, flameEndsAt, respondByAt } from './timers';

/**
 * Applies one event. Throws when the event does not follow the referral (wrong referral, or a seq other than
 * version + 1): that is a bug or a corrupt log, never a user's mistake, and projecting past it would hide it.
 * State rules are `decide`'s job, not this one's: the log is history, and history is applied as written.
 */
export function applyEvent(referral: Referral | undefined, event: ReferralEvent): Referral {
  if (!referral) {
    if (event.type !== 'received' || event.seq !== 1) {
      throw new Error(
        `referral ${event.referralId}: first event must be "received" with seq 1, got "${event.type}" seq ${event.seq}`,
      );
    }
    const created = received(event.referralId, event.referral, event.at);
    return followSource(created, event.firstSeenAs, event.actor, event.at);
  }
  if (event.referralId !== referral.id) {
    throw new Error(`event for referral ${event.referralId} applied to referral ${referral.id}`);
  }
  if (event.seq !== referral.version + 1) {
    throw new Error(
      `referral ${referral.id}: expected seq ${referral.version + 1}, got ${event.seq} ("${event.type}")`,
    );
  }
  return { ...evolve(referral, event), version: event.seq };
}

/** Folds events in order onto `start` (or onto nothing, when the first event is `received`). */
export function fold(events: readonly ReferralEvent[], start?: Referral): Referral | undefined {
  return events.reduce<Referral | undefined>(applyEvent, start);
}

function received(id: string, incoming: IncomingReferral, at: Date): Referral {
  const startAt = clocksStartAt(incoming, at);
  return compact({
    ...copyIncoming(incoming),
    id,
    status: 'New',
    substatus: 'Pending',
    receivedAt: at,
    respondByAt: respondByAt(startAt),
    expiresAt: expiresAt(startAt, incoming.sourceExpiresAt),
    flameEndsAt: incoming.customerRequestedContact ? flameEndsAt(startAt) : undefined,
    team: [],
    version: 1,
  });
}

/** Field by field, so that nothing but the referral's own fields ever reaches the store. */
export function copyIncoming(incoming: IncomingReferral): IncomingReferral {
  return compact({
    source: incoming.source,
    externalId: incoming.externalId,
    name: incoming.name,
    customer: incoming.customer,
    details: incoming.details,
    customerRequestedContact: incoming.customerRequestedContact,
    consent: incoming.consent,
    createdAt: incoming.createdAt,
    sourceExpiresAt: incoming.sourceExpiresAt,
    sourceModifiedAt: incoming.sourceModifiedAt,
    type: incoming.type,
    qualification: incoming.qualification,
    inviteContext: incoming.inviteContext,
  });
}

function evolve(referral: Referral, event: ReferralEvent): Referral {
  const { actor: by, at } = event;
  switch (event.type) {
    case 'received':
      throw new Error(`referral ${referral.id}: received twice`);
    case 'accepted':
      return {
        ...accept(referral, event.engagement, event.contacts),
        response: { action: 'accepted', by, at },
        ...ownerOnAccept(referral, by),
      };
    case 'declined': {
      const closed = close(referral, {
        substatus: 'Declined',
        by,
        at,
        reason: event.reason,
        notes: event.notes,
      });
      return { ...closed, response: { action: 'declined', by, at } };
    }
    case 'won':
      return close(referral, {
        substatus: 'Won',
        by,
        at,
        notes: event.notes,
        dealRegistration: event.dealRegistration,
      });
    case 'lost':
      return close(referral, { substatus: 'Lost', by, at, reason: event.reason, notes: event.notes });
    case 'expired':
      return close(referral, { substatus: 'Expired', by, at });
    case 'engagement-edited':
      return { ...referral, engagement: edited(referral, event.changes) };
    case 'contact-added':
      return { ...referral, team: [...referral.team, event.contact] };
    case 'owner-assigned':
      return { ...referral, owner: event.owner };
    case 'source-updated':
      return followSource(
        withSourceChanges(referral, event.changes, event.sourceModifiedAt, at),
        event.transition,
        by,
        at,
      );
    default:
      return unknownEvent(event);
  }
}

/** A state the source reached on its own, recorded like the same answer given in the desk, by the source. */
function followSource(
  referral: Referral,
  transition: SourceTransition | undefined,
  by: Actor,
  at: Date,
): Referral {
  if (!transition) return referral;
  if (transition.status === 'Active') {
    return { ...accept(referral, transition.engagement, []), response: { action: 'accepted', by, at } };
  }
  const { substatus, reason } = transition;
  const closed = close(referral, { substatus, by, at, reason });
  return substatus === 'Declined' ? { ...closed, response: { action: 'declined', by, at } } : closed;
}

/** Whoever takes a referral on owns it, unless someone was already named (an assignment while it was New). */
function ownerOnAccept(referral: Referral, by: Actor): Pick<Referral, 'owner'> {
  if (referral.owner) return { owner: referral.owner };
  return by.kind === 'user' ? { owner: { id: by.id, name: by.name } } : {};
}

function accept(referral: Referral, engagement: Engagement, contacts: Contact[]): Referral {
  return {
    ...referral,
    status: 'Active',
    substatus: 'Accepted',
    engagement,
    team: [...referral.team, ...contacts],
  };
}

function close(referral: Referral, closure: Closure): Referral {
  return { ...referral, status: 'Closed', substatus: closure.substatus, closure: compact(closure) };
}

/** An empty `notes` or `crmId` in the changes means the field was cleared. */
function edited(referral: Referral, changes: EngagementChanges): Engagement {
  const current = referral.engagement;
  if (!current) throw new Error(`referral ${referral.id}: engagement edited before it was accepted`);
  const merged = compact({ ...current, ...compact(changes) });
  if (merged.notes === '') delete merged.notes;
  if (merged.crmId === '') delete merged.crmId;
  return merged;
}

function unknownEvent(event: never): never {
  const { type } = event as { type: string };
  throw new Error(`unknown referral event "${type}"`);
}
