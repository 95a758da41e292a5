import { isDealRegistrationEligible, isWonTooSoon } from '../core/eligibility';
import { CLOSE_REASONS, PURCHASE_TIMEFRAMES, type Referral } from '../core/referral';
import type { FieldError } from '../core/result';
import { LIMITS } from '../core/validation';
import { t, type Locale } from '../i18n/catalogue';
import type { FieldModel } from './form-template';
import { inputIdOf } from './form-fields';
import type { ViewContext } from './view-context';

export interface FormModel {
  verb: string;
  title: string;
  submitTitle: string;
  warning: string;
  hasWarning: boolean;
  topErrors: { text: string }[];
  fields: FieldModel[];
}

type FieldSpec = Partial<Omit<FieldModel, 'id' | 'label'>> & { name: string };

// Currencies partners quote most; the core accepts any ISO 4217 code the API sends.
const CURRENCIES = ['USD', 'EUR', 'KRW', 'JPY', 'GBP', 'AUD', 'CAD', 'SGD', 'INR'];

const isoDate = (at?: Date) => (at ? at.toISOString().slice(0, 10) : '');

function fieldSpecs(locale: Locale, referral: Referral, verb: string, now: Date): FieldSpec[] {
  const choice = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, title: t(locale, `${prefix}.${value}`) }));
  const currencies = CURRENCIES.map((c) => ({ value: c, title: c }));
  const dealCurrency = referral.details.dealValue?.currency ?? 'USD';
  const engagement = referral.engagement;
  const engagementFields = (current: boolean): FieldSpec[] => [
    {
      name: 'engagementName',
      required: true,
      maxLength: LIMITS.engagementName,
      value: current ? engagement?.name : referral.name,
    },
    {
      name: 'value',
      required: true,
      placeholder: '120000',
      value: current ? String(engagement?.value.amount ?? '') : '',
    },
    {
      name: 'currency',
      kind: 'choice',
      choices: currencies,
      value: current ? engagement?.value.currency : dealCurrency,
    },
    { name: 'purchaseDate', kind: 'date', value: current ? isoDate(engagement?.purchase.date) : '' },
    {
      name: 'purchaseTimeframe',
      kind: 'choice',
      choices: choice(PURCHASE_TIMEFRAMES, 'timeframe'),
      value: current ? (engagement?.purchase.timeframe ?? '') : '',
    },
    { name: 'notes', multiline: true, maxLength: LIMITS.notes, value: current ? engagement?.notes : '' },
    { name: 'crmId', maxLength: LIMITS.crmId, value: current ? engagement?.crmId : '' },
  ];
  const contact = (prefix: string, required: boolean): FieldSpec[] => [
    { name: `${prefix}firstName`, required, maxLength: LIMITS.personName },
    { name: `${prefix}lastName`, required, maxLength: LIMITS.personName },
    { name: `${prefix}email`, maxLength: LIMITS.email, placeholder: 'name@company.com' },
    { name: `${prefix}phoneNumber`, maxLength: LIMITS.phone, placeholder: '+82 10 1234 5678' },
  ];
  switch (verb) {
    case 'accept':
      return [...engagementFields(false), ...contact('contacts.0.', false)];
    case 'edit':
      return engagementFields(true);
    case 'decline':
    case 'lost':
      return [
        { name: 'reason', kind: 'choice', required: true, choices: choice(CLOSE_REASONS, 'reason') },
        { name: 'notes', multiline: true, maxLength: LIMITS.notes },
      ];
    case 'won':
      return [
        { name: 'notes', multiline: true, maxLength: LIMITS.notes },
        ...(isDealRegistrationEligible(referral)
          ? [
              { name: 'dealValue', required: true, value: String(engagement?.value.amount ?? '') },
              {
                name: 'dealCurrency',
                kind: 'choice' as const,
                choices: currencies,
                value: engagement?.value.currency ?? 'USD',
              },
              { name: 'dealClosedOn', kind: 'date' as const, required: true, value: isoDate(now) },
              { name: 'microsoftContactEmail', maxLength: LIMITS.email, placeholder: 'name@microsoft.com' },
              { name: 'dealNotes', multiline: true, maxLength: LIMITS.notes },
            ]
          : []),
      ];
    case 'add-contact':
      return contact('', true);
    default:
      return [];
  }
}

/** A form of the referral card, with what was typed and what is wrong with it when it comes back invalid. */
export function formModel(
  view: ViewContext,
  referral: Referral,
  verb: string,
  submitted?: { values: Record<string, string>; errors: FieldError[] },
): FormModel {
  const { locale } = view;
  const errorsFor = (name: string) =>
    (submitted?.errors ?? [])
      .filter((e) => e.field === name || e.field.startsWith(`${name}.`))
      .map((e) => t(locale, `error.${e.code}`, e.params));
  const fields = fieldSpecs(locale, referral, verb, view.now).map((spec): FieldModel => {
    const id = inputIdOf(verb, spec.name);
    const errors = errorsFor(spec.name);
    const labelKey = `field.${spec.name.replace(/^contacts\.\d+\./, 'contact.')}`;
    return {
      id,
      kind: spec.kind ?? 'text',
      label: t(locale, labelKey),
      value: submitted ? (submitted.values[id] ?? '') : (spec.value ?? ''),
      placeholder: spec.placeholder ?? (spec.kind === 'choice' ? t(locale, 'form.choose') : ''),
      required: spec.required ?? false,
      multiline: spec.multiline ?? false,
      maxLength: spec.maxLength ?? LIMITS.sourceText,
      choices: spec.choices ?? [],
      hasError: errors.length > 0,
      error: errors.join(' '),
      errorMessage: errors[0] ?? t(locale, 'form.required'),
    };
  });
  const known = new Set(fields.map((f) => f.id.slice(verb.length + 1)));
  const topErrors = (submitted?.errors ?? [])
    .filter((e) => ![...known].some((name) => e.field === name || e.field.startsWith(`${name}.`)))
    .map((e) => ({ text: t(locale, `error.${e.code}`, e.params) }));
  const tooSoon = verb === 'won' && isWonTooSoon(referral, view.now);
  return {
    verb,
    title: t(locale, `form.${verb}.title`),
    submitTitle: t(locale, `form.${verb}.submit`),
    warning: tooSoon ? t(locale, 'form.won.tooSoon') : '',
    hasWarning: tooSoon,
    topErrors,
    fields,
  };
}
