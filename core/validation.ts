import { isCountry } from './countries';
import { isCurrency } from './currencies';
import { addUtcYears, formatUtcDay, parseIsoDate, startOfUtcDay } from './dates';
import type { FieldError } from './result';

/** A field as the input names it (`path`, e.g. `contacts.0.email`) and as people call it (`label`). */
export interface Field {
  path: string;
  label: string;
}

export function field(path: string, label: string): Field {
  return { path, label };
}

/** One field's verdict: its clean value (undefined when the field was left empty) or the reason it is refused. */
export type Check<T> = { ok: true; value: T } | { ok: false; error: FieldError };

/** Length limits, in characters. They keep cards readable and documents small. */
export const LIMITS = {
  engagementName: 200,
  notes: 2000,
  crmId: 100,
  personName: 100,
  email: 254, // RFC 5321's longest usable address
  phone: 32,
  sourceText: 4000,
  listItem: 200,
  listItems: 50,
} as const;

/** A trillion: above any real deal, below where floating point starts losing cents. */
export const MAX_AMOUNT = 1e12;
export const PURCHASE_DATE_MAX_YEARS = 10;

export function pass<T>(value: T): Check<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  f: Field,
  code: string,
  message: string,
  params?: Record<string, string | number>,
): Check<T> {
  return {
    ok: false,
    error: params ? { field: f.path, code, params, message } : { field: f.path, code, message },
  };
}

/** Gathers every field's error, so a form can show all of them at once. */
export interface ErrorCollector {
  readonly errors: FieldError[];
  /** The check's value, or undefined after recording its error. */
  take<T>(check: Check<T>): T | undefined;
}

export function collectErrors(): ErrorCollector {
  const errors: FieldError[] = [];
  return {
    errors,
    take(check) {
      if (check.ok) return check.value;
      errors.push(check.error);
      return undefined;
    },
  };
}

/** Absent, null, or only whitespace: forms send "" for a field left empty. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Turns "left empty" into `required`. */
export function required<T>(f: Field, check: Check<T | undefined>): Check<T> {
  if (!check.ok) return check;
  return check.value === undefined ? fail(f, 'required', `${f.label} is required.`) : pass(check.value);
}

/** Counts characters as people do: an emoji is one, not two UTF-16 units. */
function lengthOf(text: string): number {
  return text.length <= 1 ? text.length : Array.from(text).length;
}

/** Trimmed text of at most `max` characters. Numbers are taken as their digits, since JSON clients send them. */
export function text(raw: unknown, f: Field, max: number): Check<string | undefined> {
  if (isBlank(raw)) return pass(undefined);
  if (typeof raw === 'number' && Number.isFinite(raw)) return text(String(raw), f, max);
  if (typeof raw !== 'string') return fail(f, 'bad-format', `${f.label} must be text.`);
  const trimmed = raw.trim();
  if (trimmed.length > max && lengthOf(trimmed) > max) {
    return fail(f, 'too-long', `${f.label} must be ${max} characters or fewer.`, { max });
  }
  return pass(trimmed);
}

// "25000", "25000.50", and "25,000.50" when the commas group thousands properly. "25,5" is refused rather than
// guessed: in much of Europe it means 25.5, and reading it as 255 would be a silent, costly mistake.
const PLAIN_NUMBER = /^(\d+(\.\d+)?|\.\d+)$/;
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** An amount of money: 0 to 1e12. Adaptive Cards send numbers as strings, so numeric strings count. */
export function amount(raw: unknown, f: Field): Check<number | undefined> {
  if (isBlank(raw)) return pass(undefined);
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseAmount(raw) : NaN;
  if (Number.isNaN(value) || (typeof raw === 'number' && !Number.isFinite(value))) {
    return fail(f, 'not-a-number', `${f.label} must be a number, such as 25000 or 25,000.50.`);
  }
  if (value < 0) return fail(f, 'negative', `${f.label} must be 0 or more.`);
  if (value > MAX_AMOUNT) {
    return fail(f, 'too-large', `${f.label} must be 1,000,000,000,000 or less.`, { max: MAX_AMOUNT });
  }
  return pass(value === 0 ? 0 : value);
}

function parseAmount(raw: string): number {
  const compacted = raw.replace(/\s/g, '');
  const negative = compacted.startsWith('-');
  const digits = compacted.replace(/^[+-]/, '');
  if (!PLAIN_NUMBER.test(digits) && !GROUPED_NUMBER.test(digits)) return NaN;
  const value = Number(digits.replace(/,/g, ''));
  return negative ? -value : value;
}

export function currency(raw: unknown, f: Field): Check<string | undefined> {
  if (isBlank(raw)) return pass(undefined);
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (isCurrency(code)) return pass(code);
  return fail(
    f,
    'not-a-currency',
    `${f.label} must be a three-letter ISO 4217 currency code, such as USD or EUR.`,
  );
}

/** A `YYYY-MM-DD` day or an ISO 8601 date-time. */
export function date(raw: unknown, f: Field): Check<Date | undefined> {
  if (isBlank(raw)) return pass(undefined);
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return pass(new Date(raw.getTime()));
  const parsed = typeof raw === 'string' ? parseIsoDate(raw.trim()) : undefined;
  return parsed ? pass(parsed) : fail(f, 'not-a-date', `${f.label} must be a date, such as 2026-12-31.`);
}

/** A date from today (the UTC day of `now`) to 10 years ahead: when the customer expects to buy. */
export function futureDate(raw: unknown, f: Field, now: Date): Check<Date | undefined> {
  const checked = date(raw, f);
  if (!checked.ok || checked.value === undefined) return checked;
  const day = startOfUtcDay(checked.value);
  const today = startOfUtcDay(now);
  if (day < today) {
    const first = formatUtcDay(today);
    return fail(f, 'date-in-past', `${f.label} must be today (${first}) or later.`, { min: first });
  }
  const latest = addUtcYears(today, PURCHASE_DATE_MAX_YEARS);
  if (day > latest) {
    return fail(f, 'date-too-far', `${f.label} must be within ${PURCHASE_DATE_MAX_YEARS} years from today.`, {
      maxYears: PURCHASE_DATE_MAX_YEARS,
    });
  }
  return checked;
}

/** A date from `maxYears` years ago up to today (the UTC day of `now`): when something already happened. */
export function pastDate(raw: unknown, f: Field, now: Date, maxYears: number): Check<Date | undefined> {
  const checked = date(raw, f);
  if (!checked.ok || checked.value === undefined) return checked;
  const day = startOfUtcDay(checked.value);
  const today = startOfUtcDay(now);
  if (day > today) return fail(f, 'date-in-future', `${f.label} must not be in the future.`);
  if (day < addUtcYears(today, -maxYears)) {
    const span = maxYears === 1 ? 'the last year' : `the last ${maxYears} years`;
    return fail(f, 'date-too-far', `${f.label} must be within ${span}.`, { maxYears });
  }
  return checked;
}

// Pragmatic: something@domain.tld, no spaces, and none of the characters that split or quote address lists.
const EMAIL = /^[^\s@,;<>()[\]\\"]+@[^\s@,;<>()[\]\\".]+(\.[^\s@,;<>()[\]\\".]+)+$/;

export function email(raw: unknown, f: Field): Check<string | undefined> {
  const checked = text(raw, f, LIMITS.email);
  if (!checked.ok || checked.value === undefined || EMAIL.test(checked.value)) return checked;
  return fail(f, 'not-an-email', `${f.label} must be an email address, such as name@example.com.`);
}

const PHONE = /^\+?[\d ().-]+$/;
const PHONE_DIGITS = { min: 6, max: 15 }; // 15: the most E.164 allows

export function phone(raw: unknown, f: Field): Check<string | undefined> {
  const checked = text(raw, f, LIMITS.phone);
  if (!checked.ok || checked.value === undefined) return checked;
  const digits = checked.value.replace(/\D/g, '').length;
  if (PHONE.test(checked.value) && digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max) return checked;
  return fail(
    f,
    'not-a-phone',
    `${f.label} must be a phone number of 6 to 15 digits, optionally starting with + and separated by spaces, dashes, dots or parentheses.`,
  );
}

/** One of `allowed`, matched without regard to case and returned as listed. */
export function oneOf<T extends string>(raw: unknown, f: Field, allowed: readonly T[]): Check<T | undefined> {
  if (isBlank(raw)) return pass(undefined);
  const wanted = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const match = allowed.find((item) => item.toLowerCase() === wanted);
  if (match !== undefined) return pass(match);
  const names = allowed.join(', ');
  return fail(f, 'not-in-list', `${f.label} must be one of: ${names}.`, { allowed: names });
}

export function country(raw: unknown, f: Field): Check<string | undefined> {
  if (isBlank(raw)) return pass(undefined);
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (isCountry(code)) return pass(code);
  return fail(f, 'not-a-country', `${f.label} must be a two-letter ISO 3166 country code, such as US or DE.`);
}

// Characters CRMs use in record ids and URLs (Dynamics GUIDs, Salesforce ids, "opp:123", "#456"), nothing that
// needs escaping in a card or a query.
const CRM_ID = /^[A-Za-z0-9._:/#-]+$/;

export function crmId(raw: unknown, f: Field): Check<string | undefined> {
  const checked = text(raw, f, LIMITS.crmId);
  if (!checked.ok || checked.value === undefined || CRM_ID.test(checked.value)) return checked;
  return fail(f, 'bad-format', `${f.label} may contain only letters, digits and . _ : / # -`);
}

/** A yes/no. Adaptive Cards' Input.Toggle sends "true" and "false" as strings. */
export function flag(raw: unknown, f: Field): Check<boolean | undefined> {
  if (isBlank(raw)) return pass(undefined);
  if (typeof raw === 'boolean') return pass(raw);
  const lowered = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (lowered === 'true' || lowered === 'false') return pass(lowered === 'true');
  return fail(f, 'bad-format', `${f.label} must be true or false.`);
}

/** A JSON object (not an array): the shape every nested part of an input must have. */
export function record(raw: unknown, f: Field): Check<Record<string, unknown> | undefined> {
  if (raw === undefined || raw === null) return pass(undefined);
  if (typeof raw === 'object' && !Array.isArray(raw)) return pass(raw as Record<string, unknown>);
  return fail(
    f,
    'bad-format',
    f.path === '' ? 'The input must be a JSON object.' : `${f.label} must be an object.`,
  );
}

/** A list of at most `max` entries; the caller checks each entry. */
export function list(raw: unknown, f: Field, max: number): Check<unknown[] | undefined> {
  if (raw === undefined || raw === null) return pass(undefined);
  if (!Array.isArray(raw)) return fail(f, 'bad-format', `${f.label} must be a list.`);
  if (raw.length > max) return fail(f, 'too-many', `${f.label} must have ${max} entries or fewer.`, { max });
  return pass(raw);
}
