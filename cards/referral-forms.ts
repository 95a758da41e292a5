import { isDealRegistrationEligible, isWonTooSoon } from '../core/eligibility';
import { CLOSE_REASONS, PURCHASE_TIMEFRAMES, type Person, type Referral } from '../core/referral';
import type { FieldError } from '../core/result';
import { LIMITS } from '../core/validation';
import { codeMessage, t, type Locale, type MessageKey } from '../i18n/catalogue';
import { executeAction, teamMembersDataset, type ExecuteAction, type TransitionVerb } from './card-actions';
import type { FieldModel } from './form-template';
import { inputIdOf } from './form-fields';
import type { ViewContext } from './view-context';

export interface FormModel {
  verb: TransitionVerb;
  title: string;
  submit: ExecuteAction<TransitionVerb>;
  warning: string;
  hasWarning: boolean;
  hint: string;
  hasHint: boolean;
  topErrors: { text: string }[];
  fields: FieldModel[];
}

type FieldSpec = Partial<Omit<FieldModel, 'id' | 'label' | 'heading' | 'hasHeading'>> & {
  /** Its label is `field.<name>`; `pathOf` says where the core reads it. */
  name: FieldName;
  /** Catalogue key of a heading drawn above this field, opening a group of fields. */
  headingKey?: MessageKey;
};

type FieldName = LabelledName<MessageKey>;
type LabelledName<Key> = Key extends `field.${infer Name}` ? Name : never;

// The extra contact on Accept is labelled as such (`contact.email`), so it is not mistaken for the customer's own
// contact; the core reads it as the first of `contacts`.
const pathOf = (name: FieldName) => name.replace(/^contact\./, 'contacts.0.');

// Currencies partners quote most; the core accepts any ISO 4217 code the API sends.
const CURRENCIES = ['USD', 'EUR', 'KRW', 'JPY', 'GBP', 'AUD', 'CAD', 'SGD', 'INR'].map((c) => ({
  value: c,
  title: c,
}));

// Input.Date takes and returns yyyy-mm-dd; the core stores dates as UTC midnights.
const isoDay = (at?: Date) => (at ? at.toISOString().slice(0, 10) : '');

const choicesOf = <V extends string>(locale: Locale, values: readonly V[], keyOf: (value: V) => MessageKey) =>
  values.map((value) => ({ value, title: t(locale, keyOf(value)) }));

/** Accept starts from the referral's name and deal currency; Edit starts from what the engagement says now. */
function engagementSpecs(locale: Locale, referral: Referral, isEdit: boolean): FieldSpec[] {
  const current = isEdit ? referral.engagement : undefined;
  return [
    {
      name: 'engagementName',
      required: true,
      maxLength: LIMITS.engagementName,
      value: current?.name ?? referral.name,
    },
    { name: 'value', required: true, placeholder: '120000', value: String(current?.value.amount ?? '') },
    {
      name: 'currency',
      kind: 'choice',
      required: true,
      choices: CURRENCIES,
      value: current?.value.currency ?? referral.details.dealValue?.currency ?? 'USD',
    },
    { name: 'purchaseDate', kind: 'date', value: isoDay(current?.purchase.date) },
    {
      name: 'purchaseTimeframe',
      kind: 'choice',
      choices: choicesOf(locale, PURCHASE_TIMEFRAMES, (timeframe) => `timeframe.${timeframe}`),
      value: current?.purchase.timeframe ?? '',
    },
    { name: 'notes', multiline: true, maxLength: LIMITS.notes, value: current?.notes ?? '' },
    { name: 'crmId', maxLength: LIMITS.crmId, value: current?.crmId ?? '' },
  ];
}

/** A person on the partner's side: the core asks for a first name and an email or a phone number. */
function contactSpecs(prefix: '' | 'contact.', isRequired: boolean): FieldSpec[] {
  return [
    { name: `${prefix}firstName`, required: isRequired, maxLength: LIMITS.personName },
    { name: `${prefix}lastName`, maxLength: LIMITS.personName },
    { name: `${prefix}email`, maxLength: LIMITS.email, placeholder: 'name@company.com' },
    { name: `${prefix}phoneNumber`, maxLength: LIMITS.phone, placeholder: '+82 10 1234 5678' },
  ];
}

/**
 * Deal registration is optional, and the core registers a deal as soon as any of its fields is filled in, so
 * nothing here is prefilled (a preset currency alone would register one).
 */
function dealSpecs(referral: Referral): FieldSpec[] {
  const amount = referral.engagement?.value.amount;
  return [
    { name: 'dealValue', headingKey: 'form.won.dealHeading', placeholder: amount ? String(amount) : '' },
    { name: 'dealCurrency', kind: 'choice', choices: CURRENCIES },
    { name: 'dealClosedOn', kind: 'date' },
    { name: 'microsoftContactEmail', maxLength: LIMITS.email, placeholder: 'name@microsoft.com' },
    { name: 'dealNotes', multiline: true, maxLength: LIMITS.notes },
  ];
}

function fieldSpecs(
  locale: Locale,
  referral: Referral,
  verb: TransitionVerb,
  assignees: readonly Person[],
): FieldSpec[] {
  const notes: FieldSpec = { name: 'notes', multiline: true, maxLength: LIMITS.notes };
  switch (verb) {
    case 'accept':
      return [...engagementSpecs(locale, referral, false), ...contactSpecs('contact.', false)];
    case 'edit':
      return engagementSpecs(locale, referral, true);
    case 'decline':
    case 'lost':
      return [
        {
          name: 'reason',
          kind: 'choice',
          required: true,
          choices: choicesOf(locale, CLOSE_REASONS, (reason) => `reason.${reason}`),
        },
        notes,
      ];
    case 'won':
      return [notes, ...(isDealRegistrationEligible(referral) ? dealSpecs(referral) : [])];
    case 'add-contact':
      return contactSpecs('', true);
    case 'assign':
      return [
        {
          name: 'owner',
          kind: 'choice',
          required: true,
          choices: assignees.map((person) => ({ value: person.id, title: person.name })),
          dataset: teamMembersDataset(referral.id),
          value: referral.owner?.id ?? '',
        },
      ];
  }
}

/** Whether a core error on `field` (e.g. `contacts.0.email`, `value.amount`) belongs to the input for `name`. */
function isAbout(field: string, name: FieldName): boolean {
  const path = pathOf(name);
  return field === path || field.startsWith(`${path}.`);
}

/** A form of the referral card, with what was typed and what is wrong with it when it comes back invalid. */
export function formModel(
  view: ViewContext,
  referral: Referral,
  verb: TransitionVerb,
  submitted?: { values: Record<string, string>; errors: FieldError[] },
  assignees: readonly Person[] = [],
): FormModel {
  const { locale } = view;
  const errors = submitted?.errors ?? [];
  const message = (e: FieldError) => codeMessage(locale, 'error', e.code, e.params);
  const specs = fieldSpecs(locale, referral, verb, assignees);
  const fields = specs.map((spec) =>
    fieldModel(locale, verb, spec, errors.filter((e) => isAbout(e.field, spec.name)).map(message), submitted),
  );
  const tooSoon = verb === 'won' && isWonTooSoon(referral, view.now);
  const dealHint = verb === 'won' && isDealRegistrationEligible(referral);
  return {
    verb,
    title: t(locale, `form.${verb}.title`),
    submit: executeAction(
      verb,
      t(locale, `form.${verb}.submit`),
      { referralId: referral.id, form: verb },
      'positive',
    ),
    warning: tooSoon ? t(locale, 'form.won.tooSoon') : '',
    hasWarning: tooSoon,
    hint: dealHint ? t(locale, 'form.won.dealHint') : '',
    hasHint: dealHint,
    topErrors: errors
      .filter((e) => !specs.some((spec) => isAbout(e.field, spec.name)))
      .map((e) => ({ text: message(e) })),
    fields,
  };
}

function fieldModel(
  locale: Locale,
  verb: string,
  spec: FieldSpec,
  errors: string[],
  submitted?: { values: Record<string, string> },
): FieldModel {
  const id = inputIdOf(verb, pathOf(spec.name));
  return {
    id,
    heading: spec.headingKey ? t(locale, spec.headingKey) : '',
    hasHeading: spec.headingKey !== undefined,
    kind: spec.kind ?? 'text',
    label: t(locale, `field.${spec.name}`),
    value: submitted ? (submitted.values[id] ?? '') : (spec.value ?? ''),
    placeholder: spec.placeholder ?? (spec.kind === 'choice' ? t(locale, 'form.choose') : ''),
    required: spec.required ?? false,
    multiline: spec.multiline ?? false,
    maxLength: spec.maxLength ?? LIMITS.sourceText,
    choices: spec.choices ?? [],
    dataset: spec.dataset ?? '',
    hasError: errors.length > 0,
    error: errors.join(' '),
    errorMessage: errors[0] ?? t(locale, 'form.required'),
  };
}
