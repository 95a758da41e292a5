import { CUSTOMER_SIZES } from '../core/referral';
import type { FieldError } from '../core/result';
import { t } from '../i18n/catalogue';
import type { ChannelSettings } from '../storage/channel-settings';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

// Partner Center's current size buckets; the older ones still route but are not offered any more.
const OFFERED_SIZES = CUSTOMER_SIZES.slice(0, 8);

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'small' },
    {
      type: 'TextBlock',
      $when: '${saved}',
      text: '${savedText}',
      color: 'good',
      weight: 'bolder',
      wrap: true,
    },
    { type: 'FactSet', facts: [{ $data: '${current}', title: '${title}', value: '${value}' }] },
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
          maxLength: 2000,
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
          $when: '${hasError}',
          text: '${error}',
          color: 'attention',
          size: 'small',
          wrap: true,
        },
      ],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: '${saveTitle}', verb: 'settings-save', style: 'positive', data: {} },
  ],
};

export function settingsCard(
  view: ViewContext,
  settings: ChannelSettings | undefined,
  form?: { values: Record<string, string>; errors: FieldError[] },
  notice?: 'saved',
): CardJson {
  const { locale } = view;
  const none = t(locale, 'settings.none');
  const current = {
    regions: settings?.regions.join(', ') ?? '',
    countries: settings?.countries.join(', ') ?? '',
    keywords: settings?.keywords.join(', ') ?? '',
    sizes: settings?.sizes.join(',') ?? '',
    isDefault: String(settings?.isDefault ?? false),
  };
  const field = (id: keyof typeof current, kind: string, placeholder = '') => {
    const errors = (form?.errors ?? []).filter((e) => e.field === id || e.field.startsWith(`${id}.`));
    return {
      id,
      kind,
      label: t(locale, `settings.${id}`),
      placeholder,
      value: form ? (form.values[id] ?? '') : current[id],
      hasError: errors.length > 0,
      error: errors.map((e) => t(locale, `error.${e.code}`, e.params)).join(' '),
    };
  };
  return renderCard(TEMPLATE, {
    title: t(locale, 'settings.title'),
    intro: t(locale, 'settings.intro'),
    saved: notice === 'saved',
    savedText: t(locale, 'settings.saved'),
    current: [
      { title: t(locale, 'settings.regions'), value: current.regions || none },
      { title: t(locale, 'settings.countries'), value: current.countries || none },
      { title: t(locale, 'settings.keywords'), value: current.keywords || none },
      {
        title: t(locale, 'settings.sizes'),
        value: settings?.sizes.map((s) => t(locale, `size.${s}`)).join(', ') || none,
      },
      {
        title: t(locale, 'settings.isDefault'),
        value: t(locale, settings?.isDefault ? 'settings.yes' : 'settings.no'),
      },
      { title: t(locale, 'settings.owners'), value: settings?.owners?.map((o) => o.name).join(', ') || none },
    ],
    fields: [
      field('regions', 'text', 'APAC, EMEA'),
      field('countries', 'text', 'KR, JP'),
      field('keywords', 'text', 'Azure, migration, Copilot'),
      field('sizes', 'sizes'),
      field('isDefault', 'toggle'),
    ],
    sizes: OFFERED_SIZES.map((value) => ({ value, title: t(locale, `size.${value}`) })),
    saveTitle: t(locale, 'settings.save'),
  });
}
