// Forms as they arrive (Adaptive Card submissions, JSON) turned into typed values. Every field is `unknown` until
// checked, and every problem is reported at once, on the field the form calls it by, so a card can show each
// message beside its input.
import { compact } from './compact';
import {
  CLOSE_REASONS,
  PURCHASE_TIMEFRAMES,
  type CloseReason,
  type Contact,
  type DealRegistration,
  type Engagement,
  type PurchaseEstimate,
} from './referral';
import { invalid, ok, type FieldError, type Result } from './result';
import {
  LIMITS,
  amount,
  collectErrors,
  crmId,
  currency,
  email,
  field,
  futureDate,
  isBlank,
  list,
  oneOf,
  pastDate,
  phone,
  record,
  required,
  text,
  type ErrorCollector,
} from './validation';

export interface AcceptInput {
  engagementName?: unknown;
  value?: unknown;
  currency?: unknown;
  purchaseDate?: unknown;
  purchaseTimeframe?: unknown;
  notes?: unknown;
  crmId?: unknown;
  contacts?: unknown;
}

/** Decline and Lost ask the same: one of Partner Center's reasons, and notes. */
export interface CloseInput {
  reason?: unknown;
  notes?: unknown;
}
export type DeclineInput = CloseInput;
export type LostInput = CloseInput;

export interface WonInput {
  notes?: unknown;
  dealValue?: unknown;
  dealCurrency?: unknown;
  dealClosedOn?: unknown;
  microsoftContactEmail?: unknown;
  dealNotes?: unknown;
}

export interface ContactInput {
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  phoneNumber?: unknown;
}

export interface AcceptDetails {
  engagement: Engagement;
  contacts: Contact[];
}

export interface CloseDetails {
  reason: CloseReason;
  notes?: string;
}

export interface WonDetails {
  notes?: string;
  dealRegistration?: DealRegistration;
}

/** Extra people named when accepting; more belong in Partner Center's own team management. */
export const MAX_CONTACTS = 10;
/** Partner Center reviews deal registrations for deals closed recently, not old history. */
export const DEAL_CLOSED_MAX_YEARS = 1;

/** The engagement form's fields, shared by Accept and Edit. */
export const ENGAGEMENT_FIELDS = {
  engagementName: field('engagementName', 'Engagement name'),
  value: field('value', 'Estimated value'),
  currency: field('currency', 'Currency'),
  purchaseDate: field('purchaseDate', 'Estimated purchase date'),
  purchaseTimeframe: field('purchaseTimeframe', 'Purchase timeframe'),
  notes: field('notes', 'Notes'),
  crmId: field('crmId', 'CRM ID'),
} as const;
const F = ENGAGEMENT_FIELDS;

/** The whole input; errors here belong to the form, not to one of its fields. */
export const ROOT = field('', 'Input');

/** The input's fields, or none after recording that the input is not an object at all. */
export function fieldsOf(input: unknown, c: ErrorCollector): Record<string, unknown> {
  return c.take(record(input, ROOT)) ?? {};
}

export function purchaseRequired(): FieldError {
  return {
    field: F.purchaseDate.path,
    code: 'required',
    message: 'Estimated purchase date or purchase timeframe is required.',
  };
}

export function parseAccept(input: AcceptInput, now: Date): Result<AcceptDetails> {
  const c = collectErrors();
  const raw = fieldsOf(input, c);
  const name = c.take(
    required(F.engagementName, text(raw.engagementName, F.engagementName, LIMITS.engagementName)),
  );
  const valueAmount = c.take(required(F.value, amount(raw.value, F.value)));
  const valueCurrency = c.take(required(F.currency, currency(raw.currency, F.currency)));
  const purchase = takePurchase(raw, now, c);
  const notes = c.take(text(raw.notes, F.notes, LIMITS.notes));
  const crm = c.take(crmId(raw.crmId, F.crmId));
  const contacts = takeContacts(raw.contacts, c);
  const complete = name !== undefined && valueAmount !== undefined && valueCurrency !== undefined && purchase;
  if (!complete || c.errors.length > 0) return invalid(c.errors);
  const value = { amount: valueAmount, currency: valueCurrency };
  return ok({ engagement: compact({ name, value, purchase, notes, crmId: crm }), contacts });
}

/** A purchase date, a timeframe, or both; at least one, since the customer's timing drives follow-up. */
function takePurchase(
  raw: Record<string, unknown>,
  now: Date,
  c: ErrorCollector,
): PurchaseEstimate | undefined {
  const before = c.errors.length;
  const date = c.take(futureDate(raw.purchaseDate, F.purchaseDate, now));
  const timeframe = c.take(oneOf(raw.purchaseTimeframe, F.purchaseTimeframe, PURCHASE_TIMEFRAMES));
  if (c.errors.length > before) return undefined;
  if (date === undefined && timeframe === undefined) {
    c.errors.push(purchaseRequired());
    return undefined;
  }
  return compact({ date, timeframe });
}

function takeContacts(raw: unknown, c: ErrorCollector): Contact[] {
  const items = c.take(list(raw, field('contacts', 'Contacts'), MAX_CONTACTS)) ?? [];
  const contacts: Contact[] = [];
  items.forEach((item, index) => {
    const fields = c.take(record(item, field(`contacts.${index}`, `Contact ${index + 1}`)));
    // A card with fixed contact rows sends the rows nobody filled in; they are not contacts.
    if (!fields || isBlankContact(fields)) return;
    const contact = takeContact(fields, `contacts.${index}.`, ` of contact ${index + 1}`, c);
    if (contact) contacts.push(contact);
  });
  return contacts;
}

function isBlankContact(fields: Record<string, unknown>): boolean {
  return ['firstName', 'lastName', 'email', 'phoneNumber'].every((key) => isBlank(fields[key]));
}

/** A person on the partner's side: a first name, and an email or a phone number to reach them by. */
function takeContact(
  fields: Record<string, unknown>,
  prefix: string,
  whose: string,
  c: ErrorCollector,
): Contact | undefined {
  const at = (key: string, label: string) => field(prefix + key, label + whose);
  const firstNameField = at('firstName', 'First name');
  const firstName = c.take(
    required(firstNameField, text(fields.firstName, firstNameField, LIMITS.personName)),
  );
  const lastName = c.take(text(fields.lastName, at('lastName', 'Last name'), LIMITS.personName));
  const before = c.errors.length;
  const emailAddress = c.take(email(fields.email, at('email', 'Email')));
  const phoneNumber = c.take(phone(fields.phoneNumber, at('phoneNumber', 'Phone number')));
  if (emailAddress === undefined && phoneNumber === undefined && c.errors.length === before) {
    c.errors.push({
      field: `${prefix}email`,
      code: 'required',
      message: `Email or phone number${whose} is required.`,
    });
  }
  if (firstName === undefined || c.errors.length > before) return undefined;
  return compact({ firstName, lastName, email: emailAddress, phoneNumber });
}

export function parseContact(input: ContactInput): Result<Contact> {
  const c = collectErrors();
  const contact = takeContact(fieldsOf(input, c), '', '', c);
  return contact && c.errors.length === 0 ? ok(contact) : invalid(c.errors);
}

const REASON = field('reason', 'Reason');
const NOTES = field('notes', 'Notes');

/** Decline or Lost. "Other" says nothing by itself, so it needs notes. */
export function parseClose(input: CloseInput): Result<CloseDetails> {
  const c = collectErrors();
  const raw = fieldsOf(input, c);
  const reason = c.take(required(REASON, oneOf(raw.reason, REASON, CLOSE_REASONS)));
  const notesCheck = text(raw.notes, NOTES, LIMITS.notes);
  const notes = c.take(notesCheck);
  if (reason === 'other' && notesCheck.ok && notes === undefined) {
    c.errors.push({
      field: NOTES.path,
      code: 'required',
      message: 'Notes are required when the reason is "other".',
    });
  }
  if (reason === undefined || c.errors.length > 0) return invalid(c.errors);
  return ok(compact({ reason, notes }));
}

export const parseDecline: (input: DeclineInput) => Result<CloseDetails> = parseClose;
export const parseLost: (input: LostInput) => Result<CloseDetails> = parseClose;

const WON_FIELDS = {
  notes: field('notes', 'Notes'),
  dealValue: field('dealValue', 'Deal value'),
  dealCurrency: field('dealCurrency', 'Deal currency'),
  dealClosedOn: field('dealClosedOn', 'Deal closing date'),
  microsoftContactEmail: field('microsoftContactEmail', 'Microsoft contact email'),
  dealNotes: field('dealNotes', 'Deal notes'),
} as const;

/** Won, with an optional deal registration; once any of its fields is filled in, value, currency and date are due. */
export function parseWon(input: WonInput, now: Date): Result<WonDetails> {
  const c = collectErrors();
  const raw = fieldsOf(input, c);
  const W = WON_FIELDS;
  const notes = c.take(text(raw.notes, W.notes, LIMITS.notes));
  const dealKeys = [
    'dealValue',
    'dealCurrency',
    'dealClosedOn',
    'microsoftContactEmail',
    'dealNotes',
  ] as const;
  if (dealKeys.every((key) => isBlank(raw[key]))) {
    return c.errors.length > 0 ? invalid(c.errors) : ok(compact({ notes }));
  }
  const dealAmount = c.take(required(W.dealValue, amount(raw.dealValue, W.dealValue)));
  const dealCurrency = c.take(required(W.dealCurrency, currency(raw.dealCurrency, W.dealCurrency)));
  const closedOnCheck = pastDate(raw.dealClosedOn, W.dealClosedOn, now, DEAL_CLOSED_MAX_YEARS);
  const closedAt = c.take(required(W.dealClosedOn, closedOnCheck));
  const microsoftContactEmail = c.take(email(raw.microsoftContactEmail, W.microsoftContactEmail));
  const dealNotes = c.take(text(raw.dealNotes, W.dealNotes, LIMITS.notes));
  if (
    dealAmount === undefined ||
    dealCurrency === undefined ||
    closedAt === undefined ||
    c.errors.length > 0
  ) {
    return invalid(c.errors);
  }
  const value = { amount: dealAmount, currency: dealCurrency };
  const dealRegistration = compact({ value, closedAt, microsoftContactEmail, notes: dealNotes });
  return ok(compact({ notes, dealRegistration }));
}
