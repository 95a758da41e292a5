import { t } from '../i18n/catalogue';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

// The commands people can type, in the order help lists them; each has `help.<name>` and `help.<name>.example`.
export const HELP_COMMANDS = [
  'inbox',
  'active',
  'archived',
  'mine',
  'show',
  'stats',
  'digest',
  'settings',
  'help',
];

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', $when: '${hasUnknown}', text: '${unknown}', wrap: true, color: 'warning' },
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'small' },
    {
      type: 'Container',
      $data: '${commands}',
      spacing: 'medium',
      items: [
        { type: 'TextBlock', text: '${example}', weight: 'bolder', fontType: 'monospace', wrap: true },
        { type: 'TextBlock', text: '${description}', wrap: true, spacing: 'none' },
      ],
    },
  ],
};

export function helpCard(view: ViewContext, unknownCommand?: string): CardJson {
  const { locale } = view;
  return renderCard(TEMPLATE, {
    hasUnknown: unknownCommand !== undefined,
    unknown: t(locale, 'help.unknown', { command: unknownCommand ?? '' }),
    title: t(locale, 'help.title'),
    intro: t(locale, 'help.intro'),
    commands: HELP_COMMANDS.map((name) => ({
      example: t(locale, `help.${name}.example`),
      description: t(locale, `help.${name}`),
    })),
  });
}
