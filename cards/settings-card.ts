import { CUSTOMER_SIZES, type CustomerSize } from '../core/referral';
import type { FieldError } from '../core/result';
import type { ChannelPreferencesInput } from '../core/channel-preferences';
import type { Person } from '../core/referral';
import type { RoutingClaimsInput } from '../core/routing';
import { LIMITS } from '../core/validation';
import { codeMessage, t, type Locale } from '../i18n/catalogue';
import { formatCustomerSize } from '../i18n/format';
import type { ChannelSettings } from '../core/routing';
import { executeAction } from './card-actions';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

type SettingsForm = { values: Record<string, string>; errors: FieldError[] };
/**
 * The inputs' ids are the names `parseRoutingClaims` and `parseChannelPreferences` read, so the submitted data
 * goes to them as it is.
 */
type InputId = (keyof RoutingClaimsInput & keyof ChannelSettings) | keyof ChannelPreferencesInput;

/** The team the channel belongs to: its members (admins are chosen among them) and its current admins. */
export interface SettingsTeam {
  members: readonly Person[];
  admins: readonly Person[];
}

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
          $when: "${kind == 'choice'}",
          id: '${id}',
          label: '${label}',
          value: '${value}',
          isMultiSelect: '${isMultiSelect}',
          style: 'compact',
          choices: [{ $data: '${choices}', title: '${title}', value: '${value}' }],
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
  team?: SettingsTeam,
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
    current: currentFacts(locale, settings, team),
    claimsNothing: !settings || claimsNothing(settings),
    claimsNothingText: t(locale, 'settings.claimsNothing'),
    changeTitle: t(locale, 'settings.change'),
    fields: formFields(locale, settings, form, team),
    save: executeAction('settings-save', t(locale, 'settings.save'), {}, 'positive'),
  });
}

const INPUT_IDS: InputId[] = [
  'regions',
  'countries',
  'keywords',
  'sizes',
  'isDefault',
  'locale',
  'timeZone',
  'admins',
];

function formFields(
  locale: Locale,
  settings: ChannelSettings | undefined,
  form: SettingsForm | undefined,
  team: SettingsTeam | undefined,
) {
  const stored: Record<InputId, string> = {
    regions: settings?.regions.join(', ') ?? '',
    countries: settings?.countries.join(', ') ?? '',
    keywords: settings?.keywords.join(', ') ?? '',
    sizes: settings?.sizes.join(',') ?? '',
    isDefault: String(settings?.isDefault ?? false),
    locale: settings?.locale ?? '',
    timeZone: settings?.timeZone ?? '',
    admins: team?.admins.map((a) => a.id).join(',') ?? '',
  };
  // What the person typed comes back as they typed it, so fixing one field does not mean retyping the rest.
  const typed = (id: InputId) => (form ? (form.values[id] ?? '') : stored[id]);
  type Kind = 'text' | 'choice' | 'toggle';
  const field = (id: InputId, kind: Kind, extra: { placeholder?: string; choices?: Choice[] } = {}) => ({
    id,
    kind,
    label: t(locale, `settings.${id}`),
    placeholder: extra.placeholder ?? '',
    value: kind === 'toggle' ? String(typed(id) === 'true') : typed(id),
    choices: extra.choices ?? [],
    isMultiSelect: id === 'sizes' || id === 'admins',
    error: errorText(
      locale,
      (form?.errors ?? []).filter((e) => isFor(e, id)),
    ),
  });
  const languages: Choice[] = [
    { value: 'en', title: t(locale, 'settings.language.en') },
    { value: 'ko', title: t(locale, 'settings.language.ko') },
  ];
  return [
    field('regions', 'text', { placeholder: 'APAC, EMEA' }),
    field('countries', 'text', { placeholder: 'KR, JP' }),
    field('keywords', 'text', { placeholder: 'Azure, migration, Copilot' }),
    field('sizes', 'choice', { choices: sizeChoices(locale, settings?.sizes ?? []) }),
    field('isDefault', 'toggle'),
    field('locale', 'choice', { choices: languages, placeholder: t(locale, 'settings.serviceDefault') }),
    field('timeZone', 'text', { placeholder: 'Asia/Seoul' }),
    ...(team
      ? [field('admins', 'choice', { choices: team.members.map((m) => ({ value: m.id, title: m.name })) })]
      : []),
  ];
}

interface Choice {
  value: string;
  title: string;
}

function isFor(error: FieldError, id: InputId): boolean {
  return error.field === id || error.field.startsWith(`${id}.`) || error.field.startsWith(`${id}[`);
}

function errorText(locale: Locale, errors: FieldError[]): string {
  return errors.map((e) => codeMessage(locale, 'error', e.code, e.params)).join(' ');
}

function currentFacts(locale: Locale, settings: ChannelSettings | undefined, team: SettingsTeam | undefined) {
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
    {
      title: t(locale, 'settings.locale'),
      value: settings?.locale
        ? t(locale, `settings.language.${settings.locale}`)
        : t(locale, 'settings.serviceDefault'),
    },
    {
      title: t(locale, 'settings.timeZone'),
      value: settings?.timeZone ?? t(locale, 'settings.serviceDefault'),
    },
    ...(team ? [{ title: t(locale, 'settings.admins'), value: listed(team.admins.map((a) => a.name)) }] : []),
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
