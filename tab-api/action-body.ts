import type { FieldError } from '../core/result';
import { TAB_VERBS, type TabVerb } from './views';

/** `POST …/actions`' body, checked: the verb, the version the person saw, and the form's fields as text. */
export interface ActionBody {
  verb: TabVerb;
  version: number;
  /** The form's fields by the core's names; scalars as text (as a card sends them), contacts as records of text. */
  fields: Record<string, unknown>;
}

const MAX_CONTACTS = 50;

export function parseActionBody(
  text: string | undefined,
): { ok: true; value: ActionBody } | { ok: false; errors: FieldError[] } {
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, errors: [{ field: '', code: 'not-json', message: 'Send a JSON object.' }] };
  const body = json as Record<string, unknown>;
  const errors: FieldError[] = [];
  const verb = body['verb'];
  if (typeof verb !== 'string' || !(TAB_VERBS as readonly string[]).includes(verb))
    errors.push({
      field: 'verb',
      code: 'not-allowed',
      message: `verb must be one of ${TAB_VERBS.join(', ')}.`,
    });
  const version = body['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    errors.push({
      field: 'version',
      code: 'required',
      message: 'version must be the referral’s version, e.g. 3.',
    });
  const data = body['data'] ?? {};
  const fields: Record<string, unknown> = {};
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    errors.push({
      field: 'data',
      code: 'not-an-object',
      message: 'data must be an object of the form’s fields.',
    });
  else
    for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
      if (name === 'contacts' && Array.isArray(value)) {
        if (value.length > MAX_CONTACTS) {
          errors.push({ field: 'contacts', code: 'too-many', message: `At most ${MAX_CONTACTS} contacts.` });
          continue;
        }
        fields[name] = value.map((contact) =>
          contact !== null && typeof contact === 'object'
            ? textual(contact as Record<string, unknown>)
            : contact,
        );
      } else if (isScalar(value)) fields[name] = String(value);
      else if (value !== null && value !== undefined)
        errors.push({ field: name, code: 'not-text', message: `${name} must be text.` });
    }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { verb: verb as TabVerb, version: version as number, fields } };
}

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** A contact's scalars as text; anything else is left for the core to refuse on its field. */
function textual(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isScalar(v) ? String(v) : v]));
}
