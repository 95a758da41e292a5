// Each desk decision as the JSON Patch Partner Center's PATCH takes (only `replace` and `add`), and what the
// decision means for Partner Center's status, so a 412 can tell "already there" from "moved on without us".
import type { ReferralEvent } from '../core/events';
import type { Contact, Engagement, PurchaseTimeframe, Status } from '../core/referral';
import { statusReasonFor } from './close-reasons';

export interface JsonPatchOperation {
  op: 'replace' | 'add';
  path: string;
  value: unknown;
}

/** Events a person (or the scheduler) causes in the desk; the source's own events are never sent back to it. */
export const WRITE_BACK_EVENTS = [
  'accepted',
  'declined',
  'won',
  'lost',
  'expired',
  'engagement-edited',
  'contact-added',
] as const;

export function isWriteBackEvent(event: Pick<ReferralEvent, 'type' | 'actor'>): boolean {
  return event.actor.kind !== 'source' && (WRITE_BACK_EVENTS as readonly string[]).includes(event.type);
}

/** The Partner Center status an event leads to; undefined for edits, which keep the status. */
export function targetStatusOf(event: ReferralEvent): { status: Status; substatus: string } | undefined {
  switch (event.type) {
    case 'accepted':
      return { status: 'Active', substatus: 'Accepted' };
    case 'declined':
      return { status: 'Closed', substatus: 'Declined' };
    case 'won':
      return { status: 'Closed', substatus: 'Won' };
    case 'lost':
      return { status: 'Closed', substatus: 'Lost' };
    case 'expired':
      return { status: 'Closed', substatus: 'Expired' };
    default:
      return undefined;
  }
}

/**
 * The operations for `event`. What the team wrote (engagement name and notes, a win's notes and Microsoft contact)
 * goes to `details.notes`, appended to `currentNotes` (Partner Center's text as it is now) under a dated line: that
 * field also holds the customer's words, and Partner Center keeps one string with no history, so nothing already
 * there is overwritten (docs/partner-center.md, "Writing back"). `/name` is not writable. A decline's or a loss's
 * notes follow its reason in `statusReason`.
 */
export function patchFor(event: ReferralEvent, currentNotes?: string): JsonPatchOperation[] {
  const block = notesBlockFor(event);
  const notesOps = block
    ? [{ op: 'replace' as const, path: '/details/notes', value: appended(currentNotes, block) }]
    : [];
  return [...decisionOps(event), ...notesOps];
}

/**
 * The team's own words for `event`, as one dated block for `details.notes`; undefined when there are none. Sending
 * them needs Partner Center's current notes first (a read before the PATCH), so only such events pay for one.
 */
export function notesBlockFor(event: ReferralEvent): string | undefined {
  const lines: string[] = [];
  // One line per field, so the desk can tell its own lines from anyone's when it reads the notes back.
  const add = (label: (typeof LABELS)[number], value: string | undefined) => {
    if (value && value.trim() !== '') lines.push(`${label}: ${value.trim().replace(/\s*\n\s*/g, ' ')}`);
  };
  switch (event.type) {
    case 'accepted':
      add('Engagement', event.engagement.name);
      add('Notes', event.engagement.notes);
      break;
    case 'engagement-edited':
      add('Engagement', event.changes.name);
      add('Notes', event.changes.notes);
      break;
    case 'won':
      add('Notes', event.notes);
      add('Microsoft contact', event.dealRegistration?.microsoftContactEmail);
      add('Deal registration notes', event.dealRegistration?.notes);
      break;
    default:
      return undefined;
  }
  if (lines.length === 0) return undefined;
  const day = event.at.toISOString().slice(0, 10);
  return [`${DESK_MARK}${WHAT[event.type] ?? event.type} by ${event.actor.name}, ${day}`, ...lines].join(
    '\n',
  );
}

const DESK_MARK = '[Referral Desk] ';
const LABELS = ['Engagement', 'Notes', 'Microsoft contact', 'Deal registration notes'] as const;
const LABELLED = new RegExp(`^(${LABELS.join('|')}): `);

/**
 * Partner Center's `details.notes` without the blocks the desk wrote there (its mark line and the labelled lines
 * under it): read back, they are the team's own words, not the customer's, and the card shows the notes as what
 * the customer wrote. Whatever anyone else wrote, before, between or after, stays.
 */
export function withoutDeskNotes(notes: string | undefined): string | undefined {
  if (notes === undefined || !notes.includes(DESK_MARK)) return notes;
  let inBlock = false;
  const kept = notes.split('\n').filter((line) => {
    if (line.startsWith(DESK_MARK)) inBlock = true;
    else if (!(inBlock && LABELLED.test(line))) inBlock = false;
    return !inBlock;
  });
  const text = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? undefined : text;
}

const WHAT: Partial<Record<ReferralEvent['type'], string>> = {
  accepted: 'Accepted',
  'engagement-edited': 'Engagement edited',
  won: 'Won',
};

/** `current` with `block` after it, once: a retry after a lost answer finds the block there already. */
function appended(current: string | undefined, block: string): string {
  const text = current?.trimEnd() ?? '';
  if (text.includes(block)) return current ?? '';
  return text === '' ? block : `${text}\n\n${block}`;
}

function decisionOps(event: ReferralEvent): JsonPatchOperation[] {
  const replace = (path: string, value: unknown): JsonPatchOperation => ({ op: 'replace', path, value });
  const status = targetStatusOf(event);
  const statusOps = status
    ? [replace('/status', status.status), replace('/substatus', status.substatus)]
    : [];
  switch (event.type) {
    case 'accepted':
      return [...statusOps, ...engagementOps(event.engagement, event.at), ...event.contacts.map(addMember)];
    case 'declined':
    case 'lost':
      return [...statusOps, replace('/statusReason', statusReasonFor(event.reason, event.notes))];
    case 'won': {
      const registration = event.dealRegistration;
      if (!registration) return statusOps;
      return [
        ...statusOps,
        replace('/details/dealValue', registration.value.amount),
        replace('/details/currency', registration.value.currency),
        replace('/details/closingDateTime', registration.closedAt.toISOString()),
      ];
    }
    case 'expired':
      return statusOps;
    case 'engagement-edited':
      return engagementOps(event.changes, event.at);
    case 'contact-added':
      return [addMember(event.contact)];
    default:
      return [];
  }
}

function engagementOps(engagement: Partial<Engagement>, at: Date): JsonPatchOperation[] {
  const ops: JsonPatchOperation[] = [];
  if (engagement.value) {
    ops.push({ op: 'replace', path: '/details/dealValue', value: engagement.value.amount });
    ops.push({ op: 'replace', path: '/details/currency', value: engagement.value.currency });
  }
  const closing = engagement.purchase && closingDateOf(engagement.purchase, at);
  if (closing) ops.push({ op: 'replace', path: '/details/closingDateTime', value: closing.toISOString() });
  if (engagement.crmId !== undefined)
    ops.push({ op: 'replace', path: '/externalReferenceId', value: engagement.crmId });
  return ops;
}

/** Partner Center keeps a closing date; a timeframe becomes the end of its window. */
const TIMEFRAME_MONTHS: Record<PurchaseTimeframe, number> = {
  'within-1-month': 1,
  '1-3-months': 3,
  '3-6-months': 6,
  '6-12-months': 12,
  'over-12-months': 18,
};

function closingDateOf(purchase: Engagement['purchase'], at: Date): Date | undefined {
  if (purchase.date) return purchase.date;
  if (!purchase.timeframe) return undefined;
  const date = new Date(at.getTime());
  date.setUTCMonth(date.getUTCMonth() + TIMEFRAME_MONTHS[purchase.timeframe]);
  return date;
}

function addMember(contact: Contact): JsonPatchOperation {
  const { firstName, lastName, email, phoneNumber } = contact;
  return { op: 'add', path: '/team/-', value: { firstName, lastName, email, phoneNumber } };
}
