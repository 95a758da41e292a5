// Which command each state allows, after Partner Center's status rules: New may become Active or Closed, Active
// may become Closed, and Closed (Won, Lost, Declined, Expired) is final.
import { formatUtc } from './dates';
import type { Actor, Referral, Status } from './referral';
import type { StateConflict } from './result';

export type CommandType =
  'accept' | 'decline' | 'won' | 'lost' | 'edit' | 'add-contact' | 'assign' | 'expire';

/**
 * Add-contact is Active only: while a referral is New its people are named on the Accept form, and Partner
 * Center shows "Add contact" on the engagement, which exists once the referral is accepted.
 */
const ALLOWED_IN: Record<CommandType, readonly Status[]> = {
  accept: ['New'],
  decline: ['New'],
  expire: ['New'],
  won: ['Active'],
  lost: ['Active'],
  edit: ['Active'],
  'add-contact': ['Active'],
  // An owner can be named before anyone answers (who should call the customer) and while the deal runs.
  assign: ['New', 'Active'],
};

export const COMMAND_TYPES = Object.keys(ALLOWED_IN) as CommandType[];

/** Whether the referral's state lets `type` through (expire also waits for the expiry time; see `decide`). */
export function isAllowed(referral: Pick<Referral, 'status'>, type: CommandType): boolean {
  return ALLOWED_IN[type].includes(referral.status);
}

/** The commands the referral's state allows: what a card may offer. */
export function allowedCommands(referral: Pick<Referral, 'status'>): CommandType[] {
  return COMMAND_TYPES.filter((type) => isAllowed(referral, type));
}

/** Why `type` cannot be applied now, in words that tell a stale click who got there first and when. */
export function guard(referral: Referral, type: CommandType): StateConflict | undefined {
  if (isAllowed(referral, type)) return undefined;
  const { status, substatus } = referral;
  if (status === 'Closed') {
    const { closure } = referral;
    const current = { status, substatus, ...actedBy(closure?.by, closure?.at) };
    return { code: 'closed', message: closedMessage(referral), current };
  }
  if (status === 'Active') {
    const { response } = referral;
    const current = { status, substatus, ...actedBy(response?.by, response?.at) };
    return {
      code: 'already-responded',
      message: `Already accepted${byOn(response?.by, response?.at)}.`,
      current,
    };
  }
  return {
    code: 'not-active',
    message: 'Not accepted yet: accept this referral before updating it.',
    current: { status, substatus },
  };
}

function closedMessage(referral: Referral): string {
  const { closure } = referral;
  const who = byOn(closure?.by, closure?.at);
  switch (referral.substatus) {
    case 'Declined':
      return `Already declined${who}.`;
    case 'Expired':
      return closure ? `Expired on ${formatUtc(closure.at)}.` : 'Expired.';
    default:
      return `Closed as ${referral.substatus}${who}.`;
  }
}

function byOn(by: Actor | undefined, at: Date | undefined): string {
  return `${by ? ` by ${by.name}` : ''}${at ? ` on ${formatUtc(at)}` : ''}`;
}

function actedBy(by: Actor | undefined, at: Date | undefined): { by?: { name: string }; at?: Date } {
  return { ...(by ? { by: { name: by.name } } : {}), ...(at ? { at } : {}) };
}
