import type { Status, Substatus } from './referral';

/** A problem with one input field, precise enough to show beside that field. */
export interface FieldError {
  /** Dotted path of the field in the input, e.g. `value.amount` or `contacts.0.email`. */
  field: string;
  /** Stable machine code, e.g. `required`, `too-long`, `not-an-email`; the catalogue translates it. */
  code: string;
  /** Values the message needs, e.g. `{ max: 200 }`. */
  params?: Record<string, string | number>;
  /** Plain English, for API clients and logs. People see the catalogue's text. */
  message: string;
}

/** A transition the referral's state does not allow, e.g. declining one that was already accepted. */
export interface StateConflict {
  code: 'already-responded' | 'closed' | 'not-active' | 'not-new';
  message: string;
  /** The state the referral is in, and who put it there, so a stale click can say so. */
  current: { status: Status; substatus: Substatus; by?: { name: string }; at?: Date };
}

export type Result<T> =
  | { ok: true; value: T; warnings?: string[] }
  | { ok: false; errors: FieldError[]; conflict?: undefined }
  | { ok: false; errors: []; conflict: StateConflict };

export function ok<T>(value: T, warnings?: string[]): Result<T> {
  return warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

export function invalid<T>(errors: FieldError[]): Result<T> {
  return { ok: false, errors };
}

export function conflict<T>(c: StateConflict): Result<T> {
  return { ok: false, errors: [], conflict: c };
}
