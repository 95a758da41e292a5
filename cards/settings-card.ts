import { CUSTOMER_SIZES, type CustomerSize } from '../core/referral';
import type { FieldError } from '../core/result';
import type { RoutingClaimsInput } from '../core/routing';
import { LIMITS } from '../core/validation';
import { codeMessage, t, type Locale } from '../i18n/catalogue';
import { formatCustomerSize } from '../i18n/format';
import type { ChannelSettings } from '../core/routing';
import { executeAction } from './card-actions';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

type SettingsForm = { values: Record<string, string>; errors: FieldError[] };
/** The inputs' ids are the names `parseRoutingClaims` reads, so the submitted data goes to it as it is. */
type InputId = keyof RoutingClaimsInput & keyof ChannelSettings;

// Partner Center's current size buckets; the older three still route but are offered only to a channel using them.
const OFFERED_SIZES = CUSTOMER_SIZES.slice(0, 8);
// The most the parser accepts in one list field: more would only come back as an error.
const MAX_LIST_CHARS = LIMITS.listItem * LIMITS.listItems;

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    {
      type: 'TextBlock',
      $when: '${saved}',
      text: '${savedText}',
      color: 'good',
      weight: 'bolder',
      wrap: true,
    },
    { type: 'TextBlock', $when: "${formError != ''}", text: '${formError}', color: 'attention', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'small' },
    { type: 'FactSet', facts: [{ $data: '${current}', title: '${title}', value: '${value}' }] },
    {
      type: 'TextBlock',
      $when: '${claimsNothing}',
      text: '${claimsNothingText}',
      wrap: true,
      color: 'warning',
    },
    {
      type: 'TextBlock',
      text: '${changeTitle}',
      weight: 'bolder',
      wrap: true,
      separator: true,
      spacing: 'large',
    },
    {
      type: 'Container',
      $data: '${fields}',
      items: [
        {
          type: 'Input.Text',
          $when: "${kind == 'text'}",
          id: '${id}',
          label: '${label}',
          value: '${value}',
          placeholder: '${placeholder}',
          maxLength: MAX_LIST_CHARS,
        },
        {
          type: 'Input.ChoiceSet',
          $when: "${kind == 'sizes'}",
          id: '${id}',
          label: '${label}',
          value: '${value}',
          isMultiSelect: true,
          style: 'compact',
          choices: [{ $data: '${$root.sizes}', title: '${title}', value: '${value}' }],
        },
        {
          type: 'Input.Toggle',
          $when: "${kind == 'toggle'}",
          id: '${id}',
          title: '${label}',
          value: '${value}',
          valueOn: 'true',
          valueOff: 'false',
        },
        {
          type: 'TextBlock',
          $when: "${error != ''}",
          text: '${error}',
          color: 'attention',
          size: 'small',
          wrap: true,
          spacing: 'none',
        },
      ],
    },
  ],
  actions: ['${save}'],
};

export function settingsCard(
  view: ViewContext,
  settings: ChannelSettings | undefined,
  form?: SettingsForm,
  notice?: 'saved',
): CardJson {
  const { locale } = view;
  return renderCard(TEMPLATE, {
    title: t(locale, 'settings.title'),
    saved: notice === 'saved',
    savedText: t(locale, 'settings.saved'),
    formError: errorText(
      locale,
      (form?.errors ?? []).filter((e) => !INPUT_IDS.some((id) => isFor(e, id))),
    ),
    intro: t(locale, 'settings.intro'),
    current: currentFacts(locale, settings),
    claimsNothing: !settings || claimsNothing(settings),
    claimsNothingText: t(locale, 'settings.claimsNothing'),
    changeTitle: t(locale, 'settings.change'),
    fields: formFields(locale, settings, form),
    sizes: sizeChoices(locale, settings?.sizes ?? []),
    save: executeAction('settings-save', t(locale, 'settings.save'), {}, 'positive'),
  });
}

const INPUT_IDS: InputId[] = ['regions', 'countries', 'keywords', 'sizes', 'isDefault'];

function formFields(locale: Locale, settings: ChannelSettings | undefined, form: SettingsForm | undefined) {
  const stored: Record<InputId, string> = {
    regions: settings?.regions.join(', ') ?? '',
    countries: settings?.countries.join(', ') ?? '',
    keywords: settings?.keywords.join(', ') ?? '',
    sizes: settings?.sizes.join(',') ?? '',
    isDefault: String(settings?.isDefault ?? false),
  };
  // What the person typed comes back as they typed it, so fixing one field does not mean retyping the rest.
  const typed = (id: InputId) => (form ? (form.values[id] ?? '') : stored[id]);
  const field = (id: InputId, kind: 'text' | 'sizes' | 'toggle', placeholder = '') => ({
    id,
    kind,
    label: t(locale, `settings.${id}`),
    placeholder,
    value: kind === 'toggle' ? String(typed(id) === 'true') : typed(id),
    error: errorText(
      locale,
      (form?.errors ?? []).filter((e) => isFor(e, id)),
    ),
  });
  return [
    field('regions', 'text', 'APAC, EMEA'),
    field('countries', 'text', 'KR, JP'),
    field('keywords', 'text', 'Azure, migration, Copilot'),
    field('sizes', 'sizes'),
    field('isDefault', 'toggle'),
  ];
}

function isFor(error: FieldError, id: InputId): boolean {
  return error.field === id || error.field.startsWith(`${id}.`) || error.field.startsWith(`${id}[`);
}

function errorText(locale: Locale, errors: FieldError[]): string {
  return errors.map((e) => codeMessage(locale, 'error', e.code, e.params)).join(' ');
}

function currentFacts(locale: Locale, settings: ChannelSettings | undefined) {
  const none = t(locale, 'settings.none');
  const listed = (values: string[] | undefined) => (values?.length ? values.join(', ') : none);
  return [
    { title: t(locale, 'settings.regions'), value: listed(settings?.regions) },
    { title: t(locale, 'settings.countries'), value: listed(settings?.countries) },
    { title: t(locale, 'settings.keywords'), value: listed(settings?.keywords) },
    {
      title: t(locale, 'settings.sizes'),
      value: listed(settings?.sizes.map((s) => formatCustomerSize(locale, s))),
    },
    {
      title: t(locale, 'settings.isDefault'),
      value: t(locale, settings?.isDefault ? 'settings.yes' : 'settings.no'),
    },
  ];
}

// Routing ignores a channel with no claims unless it is the default, so the card says so.
function claimsNothing(settings: ChannelSettings): boolean {
  const { regions, countries, keywords, sizes, isDefault } = settings;
  return !isDefault && regions.length + countries.length + keywords.length + sizes.length === 0;
}

function sizeChoices(locale: Locale, chosen: CustomerSize[]) {
  const offered = CUSTOMER_SIZES.filter((size) => OFFERED_SIZES.includes(size) || chosen.includes(size));
  return offered.map((value) => ({ value, title: formatCustomerSize(locale, value) }));
}
