// The product's rules: what each command may do to a referral, and the events that record it. Edges call
// `decide` to learn whether a command may happen, then `commit` to turn the decision into the next event.
import { applyEvent, copyIncoming, fold } from './apply-event';
import { parseAssign, type AssignInput } from './assign-input';
import { formatUtc } from './dates';
import { parseEdit, type EditInput } from './edit-input';
import { WON_WITHIN_72H, isWonTooSoon } from './eligibility';
import type { ReferralEvent, ReferralEventData } from './events';
import { guard, type CommandType } from './guards';
import {
  parseAccept,
  parseClose,
  parseContact,
  parseWon,
  type AcceptInput,
  type ContactInput,
  type DeclineInput,
  type LostInput,
  type WonInput,
} from './inputs';
import type { Actor, IncomingReferral, Referral } from './referral';
import { conflict, invalid, ok, type Result } from './result';
import { decideSourceUpdate, type SourceUpdate } from './source-update';

export { applyEvent, fold };
export type { CommandType, SourceUpdate };

export type Command =
  | { type: 'accept'; input: AcceptInput }
  | { type: 'decline'; input: DeclineInput }
  | { type: 'won'; input: WonInput }
  | { type: 'lost'; input: LostInput }
  | { type: 'edit'; input: EditInput }
  | { type: 'add-contact'; input: ContactInput }
  | { type: 'assign'; input: AssignInput }
  | { type: 'expire' }
  /** The source's latest snapshot: sent by the sync edge, never offered on a card (so not a CommandType). */
  | { type: 'update-from-source'; update: SourceUpdate };

/**
 * Whether `command` may happen to `referral` at `now`, and if so the event that records it. The state is checked
 * before the input, so a stale card learns who got there first rather than what was wrong with its form.
 */
export function decide(referral: Referral, command: Command, now: Date): Result<ReferralEventData> {
  if (command.type === 'update-from-source') return decideSourceUpdate(referral, command.update);
  const blocked = guard(referral, command.type);
  if (blocked) return conflict(blocked);
  switch (command.type) {
    case 'accept':
      return mapOk(parseAccept(command.input, now), (v) => ({ type: 'accepted', ...v }));
    case 'decline':
      return mapOk(parseClose(command.input), (v) => ({ type: 'declined', ...v }));
    case 'lost':
      return mapOk(parseClose(command.input), (v) => ({ type: 'lost', ...v }));
    case 'won':
      return decideWon(referral, command.input, now);
    case 'edit':
      return mapOk(parseEdit(command.input, engagementOf(referral), now), (changes) => ({
        type: 'engagement-edited',
        changes,
      }));
    case 'add-contact':
      return mapOk(parseContact(command.input), (contact) => ({ type: 'contact-added', contact }));
    case 'assign':
      return mapOk(parseAssign(command.input), (owner) => ({ type: 'owner-assigned', owner }));
    case 'expire':
      return decideExpire(referral, now);
  }
}

function decideWon(referral: Referral, input: WonInput, now: Date): Result<ReferralEventData> {
  const parsed = parseWon(input, now);
  if (!parsed.ok) return parsed;
  return ok({ type: 'won', ...parsed.value }, isWonTooSoon(referral, now) ? [WON_WITHIN_72H] : undefined);
}

/**
 * Expiry is the scheduler's to send, and only once the time has come. Sent early (a clock running ahead, a
 * stale job), it is refused on the root field with `not-yet-due` rather than as a state conflict: the state
 * allows expiry, only the time does not yet.
 */
function decideExpire(referral: Referral, now: Date): Result<ReferralEventData> {
  if (now.getTime() >= referral.expiresAt.getTime()) return ok({ type: 'expired' });
  return invalid([
    {
      field: '',
      code: 'not-yet-due',
      params: { expiresAt: referral.expiresAt.toISOString() },
      message: `Not due to expire until ${formatUtc(referral.expiresAt)}.`,
    },
  ]);
}

function engagementOf(referral: Referral) {
  if (!referral.engagement) throw new Error(`referral ${referral.id} is Active without an engagement`);
  return referral.engagement;
}

function mapOk<T, U>(result: Result<T>, f: (value: T) => U): Result<U> {
  return result.ok ? ok(f(result.value), result.warnings) : result;
}

/** The next event for `referral` (seq = version + 1) and the referral it leaves behind. */
export function commit(
  referral: Referral,
  data: ReferralEventData,
  actor: Actor,
  now: Date,
): { event: ReferralEvent; referral: Referral } {
  const event: ReferralEvent = {
    ...data,
    referralId: referral.id,
    seq: referral.version + 1,
    at: now,
    actor,
  };
  return { event, referral: applyEvent(referral, event) };
}

/**
 * The first event of a referral (seq 1) and the referral it creates: New, or in the state the source already had
 * (`firstSeenAs`, followed by the same rules as a later source update: Active with its engagement, or Closed).
 */
export function receive(
  incoming: IncomingReferral,
  referralId: string,
  actor: Actor,
  now: Date,
  firstSeenAs?: SourceUpdate['state'],
): { event: ReferralEvent; referral: Referral } {
  const event: ReferralEvent = {
    type: 'received',
    referral: copyIncoming(incoming),
    ...(firstSeenAs && firstSeenAs.status !== 'New' ? { firstSeenAs } : {}),
    referralId,
    seq: 1,
    at: now,
    actor,
  };
  return { event, referral: applyEvent(undefined, event) };
}
