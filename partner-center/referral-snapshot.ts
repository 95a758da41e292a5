// A Referral resource as Partner Center's API returns it, read into what the desk keeps (the core's
// IncomingReferral), what the core needs to follow the source's state, and the bookkeeping kept beside it.
import { parseIncomingReferral } from '../core/intake';
import { parseIsoDate } from '../core/dates';
import type { SourceTransition } from '../core/events';
import type { SourceUpdate } from '../core/lifecycle';
import type { Actor, ClosedSubstatus, IncomingReferral } from '../core/referral';
import { ok, type Result } from '../core/result';
import { PARTNER_CENTER_SOURCE } from '../core/sources';
import { closeReasonFrom } from './close-reasons';
import { withoutDeskNotes } from './write-back-patch';

export const PARTNER_CENTER_ACTOR: Actor = {
  kind: 'source',
  id: PARTNER_CENTER_SOURCE,
  name: 'Partner Center',
};

export interface PartnerCenterSnapshot {
  partnerCenterId: string;
  eTag?: string;
  /** Partner Center's updatedDateTime (createdDateTime when it has none). */
  modifiedAt: Date;
  incoming: IncomingReferral;
  state: NonNullable<SourceUpdate['state']>;
  /** Direction Outgoing: a referral this partner sent, not one to answer. */
  isOutgoing: boolean;
}

type Json = Record<string, unknown>;

export function readSnapshot(json: unknown, now: Date): Result<PartnerCenterSnapshot> {
  const parsed = parseIncomingReferral(json, PARTNER_CENTER_SOURCE, now);
  if (!parsed.ok) return parsed;
  const raw = json as Json;
  const modifiedAt = dateOf(raw.updatedDateTime) ?? parsed.value.createdAt;
  return ok({
    partnerCenterId: parsed.value.externalId,
    ...(typeof raw.eTag === 'string' && raw.eTag !== '' ? { eTag: raw.eTag } : {}),
    modifiedAt,
    incoming: {
      ...parsed.value,
      details: ownNotesLeftOut(parsed.value.details),
      sourceModifiedAt: modifiedAt,
    },
    state: stateOf(raw) ?? { status: 'New' },
    isOutgoing: raw.direction === 'Outgoing',
  });
}

function ownNotesLeftOut(details: IncomingReferral['details']): IncomingReferral['details'] {
  const notes = withoutDeskNotes(details.notes);
  const { notes: _all, ...rest } = details;
  return notes === undefined ? rest : { ...rest, notes };
}

/** The core's view of Partner Center's status/substatus pair. */
export function stateOf(raw: Json): SourceTransition | undefined {
  if (raw.status === 'Active') return activeState(raw);
  if (raw.status !== 'Closed') return undefined;
  const substatus = CLOSED.find((s) => s === raw.substatus);
  if (!substatus) return undefined;
  const reason = closeReasonFrom(raw.statusReason);
  return { status: 'Closed', substatus, ...(reason ? { reason } : {}) };
}

const CLOSED: readonly ClosedSubstatus[] = ['Won', 'Lost', 'Declined', 'Expired'];

/**
 * Accepted in Partner Center itself: its engagement is the referral's name, deal value, closing date and CRM id
 * (what Partner Center's accept form fills in). Without a value and a date there is no engagement to show, so the
 * state is not followed.
 */
function activeState(raw: Json): SourceTransition | undefined {
  const details = (typeof raw.details === 'object' && raw.details !== null ? raw.details : {}) as Json;
  const amount = details.dealValue;
  const currency = details.currency;
  const closingAt = dateOf(details.closingDateTime);
  if (
    typeof amount !== 'number' ||
    typeof currency !== 'string' ||
    !closingAt ||
    typeof raw.name !== 'string'
  ) {
    return undefined;
  }
  const crmId =
    typeof raw.externalReferenceId === 'string' && raw.externalReferenceId !== ''
      ? raw.externalReferenceId
      : undefined;
  return {
    status: 'Active',
    engagement: {
      name: raw.name,
      value: { amount, currency: currency.toUpperCase() },
      purchase: { date: closingAt },
      ...(crmId ? { crmId } : {}),
    },
  };
}

function dateOf(raw: unknown): Date | undefined {
  return typeof raw === 'string' ? parseIsoDate(raw) : undefined;
}
