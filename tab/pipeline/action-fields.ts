// The fields of each action's form, as the referral card's forms have them (cards/referral-forms.ts), in the
// shape the core's input parsers read (core/inputs.ts): an extra contact goes in as `contacts[0]`.
import { DEAL_REGISTRATION_MIN_USD } from '../../core/eligibility';
import { CLOSE_REASONS, PURCHASE_TIMEFRAMES } from '../../core/referral';
import { LIMITS } from '../../core/validation';
import type { MessageKey } from '../../i18n/catalogue';
import type { Detail, Verb } from '../api/types';
import type { Strings } from '../strings';

export interface ActionField {
  /** The input's name; its label is `field.<name>`. */
  name: string;
  label: string;
  kind: 'text' | 'choice' | 'date' | 'multiline';
  required: boolean;
  maxLength?: number;
  choices?: { value: string; label: string }[];
  initial: string;
  /** Opens a group of fields under this heading. */
  heading?: string;
}

// The card offers these; the core takes any ISO 4217 code.
const CURRENCIES = ['USD', 'EUR', 'KRW', 'JPY', 'GBP', 'AUD', 'CAD', 'SGD', 'INR'];

export function actionFields(strings: Strings, verb: Verb, referral: Detail): ActionField[] {
  const { t } = strings;
  const field = (name: string, rest: Partial<ActionField> = {}): ActionField => ({
    name,
    label: t(`field.${name}` as MessageKey),
    kind: 'text',
    required: false,
    initial: '',
    ...rest,
  });
  const choices = <V extends string>(values: readonly V[], key: (value: V) => MessageKey) =>
    values.map((value) => ({ value, label: t(key(value)) }));
  const currencies = CURRENCIES.map((code) => ({ value: code, label: code }));
  const engagement = (current: Detail['engagement']) => [
    field('engagementName', {
      required: true,
      maxLength: LIMITS.engagementName,
      initial: current?.name ?? referral.name,
    }),
    field('value', { required: true, initial: String(current?.value?.amount ?? '') }),
    field('currency', {
      kind: 'choice',
      required: true,
      choices: currencies,
      initial: current?.value?.currency ?? referral.value?.currency ?? 'USD',
    }),
    field('purchaseDate', { kind: 'date', initial: current?.purchaseDate ?? '' }),
    field('purchaseTimeframe', {
      kind: 'choice',
      choices: choices(PURCHASE_TIMEFRAMES, (timeframe) => `timeframe.${timeframe}`),
      initial: current?.purchaseTimeframe ?? '',
    }),
    field('notes', { kind: 'multiline', maxLength: LIMITS.notes, initial: current?.notes ?? '' }),
    field('crmId', { maxLength: LIMITS.crmId, initial: current?.crmId ?? '' }),
  ];
  const contact = ['firstName', 'lastName', 'email', 'phoneNumber'].map((name) =>
    field(`contact.${name}`, { maxLength: name === 'email' ? LIMITS.email : LIMITS.personName }),
  );
  const notes = field('notes', { kind: 'multiline', maxLength: LIMITS.notes });
  switch (verb) {
    case 'accept':
      return [...engagement(undefined), ...contact];
    case 'edit':
      return engagement(referral.engagement);
    case 'decline':
    case 'lost':
      return [
        field('reason', {
          kind: 'choice',
          required: true,
          choices: choices(CLOSE_REASONS, (reason) => `reason.${reason}`),
        }),
        notes,
      ];
    case 'won':
      return [notes, ...(isDealRegistrationEligible(referral) ? dealFields(strings, field, currencies) : [])];
    case 'assign':
      return [
        field('owner', {
          kind: 'choice',
          required: true,
          choices: referral.assignees.map((person) => ({ value: person.id, label: person.name })),
          initial: referral.owner?.id ?? '',
        }),
      ];
  }
}

function dealFields(
  strings: Strings,
  field: (name: string, rest?: Partial<ActionField>) => ActionField,
  currencies: { value: string; label: string }[],
): ActionField[] {
  return [
    field('dealValue', { heading: strings.s('action.dealHeading') }),
    field('dealCurrency', { kind: 'choice', choices: currencies }),
    field('dealClosedOn', { kind: 'date' }),
    field('microsoftContactEmail', { maxLength: LIMITS.email }),
    field('dealNotes', { kind: 'multiline', maxLength: LIMITS.notes }),
  ];
}

/** The core's rule (core/eligibility.ts) as far as a row shows it: co-sell, in USD, at least the minimum. */
const isDealRegistrationEligible = (referral: Detail) =>
  referral.coSell === true &&
  referral.value?.currency === 'USD' &&
  referral.value.amount >= DEAL_REGISTRATION_MIN_USD;

/**
 * What the action sends: every field as typed, as a card sends its inputs (a blank one clears it on Edit), and the
 * extra contact as `contacts[0]` only when some of it is filled in.
 */
export function actionData(values: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const contact: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith('contact.')) contact[name.slice('contact.'.length)] = value;
    else data[name] = value;
  }
  if (Object.values(contact).some((value) => value.trim() !== '')) data['contacts'] = [contact];
  return data;
}

/** Whether a server error on `field` (`contacts.0.email`, `value.amount`, `accept.value`) is about input `name`. */
export function isAbout(verb: Verb, field: string, name: string): boolean {
  const path = name.replace(/^contact\./, 'contacts.0.');
  const bare = field.startsWith(`${verb}.`) ? field.slice(verb.length + 1) : field;
  return bare === path || bare.startsWith(`${path}.`);
}
