// Updates from the referral's source (Partner Center): the customer's data as the source now has it, and any state
// the source reached without us. Deliveries come twice and out of order (webhooks are retried, the poller and a
// webhook can fetch the same referral moments apart), so only a snapshot newer than the last one applied counts.
import { compact } from './compact';
import { formatUtc } from './dates';
import type { ReferralEventData, SourceChanges, SourceTransition } from './events';
import type { IncomingReferral, Referral } from './referral';
import { invalid, ok, type Result } from './result';
import { expiresAt, flameEndsAt } from './timers';

/** The source's view of a referral at `modifiedAt`. */
export interface SourceUpdate {
  referral: IncomingReferral;
  modifiedAt: Date;
  /** The source's own state; New (or absent) asks for nothing beyond the data. */
  state?: { status: 'New' } | SourceTransition;
}

const CHANGEABLE = [
  'name',
  'customer',
  'details',
  'customerRequestedContact',
  'consent',
  'sourceExpiresAt',
] as const satisfies readonly (keyof SourceChanges)[];

/**
 * The `source-updated` event for `update`, or a refusal on the root field `''` that records nothing: `not-newer`
 * when the referral already reflects this or a later snapshot, `nothing-to-change` when the snapshot differs in
 * nothing the desk keeps.
 */
export function decideSourceUpdate(referral: Referral, update: SourceUpdate): Result<ReferralEventData> {
  const last = referral.sourceModifiedAt;
  if (last && update.modifiedAt.getTime() <= last.getTime()) {
    return invalid([
      {
        field: '',
        code: 'not-newer',
        params: { sourceModifiedAt: last.toISOString() },
        message: `Already up to date with the source as of ${formatUtc(last)}.`,
      },
    ]);
  }
  const changes = changedFields(referral, update.referral);
  const transition = transitionTo(referral, update.state);
  if (Object.keys(changes).length === 0 && !transition) {
    return invalid([
      { field: '', code: 'nothing-to-change', message: 'The source changed nothing the desk keeps.' },
    ]);
  }
  return ok(compact({ type: 'source-updated', changes, transition, sourceModifiedAt: update.modifiedAt }));
}

function changedFields(referral: Referral, incoming: IncomingReferral): SourceChanges {
  const changes: Record<string, unknown> = {};
  for (const key of CHANGEABLE) {
    if (incoming[key] !== undefined && !isSame(referral[key], incoming[key])) changes[key] = incoming[key];
  }
  return changes as SourceChanges;
}

/**
 * Only forward moves are followed: New → Active or Closed, Active → Closed. A referral the desk already closed
 * stays as the desk closed it (Partner Center keeps archived referrals as they are, and our own write-back
 * reports any disagreement). Acceptance elsewhere is followed only with an engagement to show for it.
 */
function transitionTo(referral: Referral, state: SourceUpdate['state']): SourceTransition | undefined {
  if (!state || state.status === 'New' || referral.status === 'Closed') return undefined;
  if (state.status === 'Closed') return state;
  return referral.status === 'New' ? state : undefined;
}

/** `referral` with the source's changed data applied, as of `at`. */
export function withSourceChanges(
  referral: Referral,
  changes: SourceChanges,
  sourceModifiedAt: Date,
  at: Date,
): Referral {
  const next: Referral = { ...referral, ...compact(changes), sourceModifiedAt };
  if (changes.sourceExpiresAt) next.expiresAt = expiresAt(referral.receivedAt, changes.sourceExpiresAt);
  // A customer who asks to be called after arriving gets the same 72 h window, from the moment they asked.
  if (changes.customerRequestedContact === true && !referral.flameEndsAt) next.flameEndsAt = flameEndsAt(at);
  return next;
}

/** Structural equality for the referral's data: plain objects (in any key order), arrays and Dates. */
export function isSame(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => isSame(item, b[i]))
    );
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => isSame(left[key], right[key]));
  }
  return a === b;
}
