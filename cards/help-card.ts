import { t } from '../i18n/catalogue';
import { commandWordParams } from '../i18n/command-words';
import { truncate } from '../i18n/format';
import { CARD_VERSION, renderCard, type CardJson } from './render';
import type { ViewContext } from './view-context';

/**
 * What help lists, in order: each has `help.<entry>.usage` (what to type) and `help.<entry>` (what it does).
 * Usages and examples show the reader's language's command words; the bot understands either language's.
 */
export const HELP_ENTRIES = [
  'help',
  'inbox',
  'active',
  'archived',
  'show',
  'mine',
  'stats',
  'digest',
  'digestDaily',
  'digestWeekly',
  'digestOff',
  'settings',
  'status',
] as const;
type HelpEntry = (typeof HELP_ENTRIES)[number];

// Entries that take arguments also get `help.<entry>.example`; for the rest the usage is the example.
const WITH_EXAMPLE = ['archived', 'show', 'digestDaily', 'digestWeekly'] as const satisfies HelpEntry[];
const hasExample = (entry: HelpEntry): entry is (typeof WITH_EXAMPLE)[number] =>
  WITH_EXAMPLE.some((e) => e === entry);

// The unknown text is whatever followed the @mention; a pasted paragraph should not fill the card.
const MAX_UNKNOWN_CHARS = 60;

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: CARD_VERSION,
  body: [
    { type: 'TextBlock', $when: '${hasUnknown}', text: '${unknown}', wrap: true, color: 'warning' },
    { type: 'TextBlock', text: '${title}', size: 'large', weight: 'bolder', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'small' },
    {
      type: 'Container',
      $data: '${entries}',
      spacing: 'medium',
      items: [
        { type: 'TextBlock', text: '${usage}', weight: 'bolder', fontType: 'monospace', wrap: true },
        { type: 'TextBlock', text: '${description}', wrap: true, spacing: 'none' },
        {
          type: 'TextBlock',
          $when: '${hasExample}',
          text: '${example}',
          size: 'small',
          isSubtle: true,
          wrap: true,
          spacing: 'none',
        },
      ],
    },
  ],
};

export function helpCard(view: ViewContext, unknownCommand?: string): CardJson {
  const { locale } = view;
  const words = commandWordParams(locale);
  return renderCard(TEMPLATE, {
    hasUnknown: unknownCommand !== undefined,
    unknown: t(locale, 'help.unknown', { command: truncate(unknownCommand ?? '', MAX_UNKNOWN_CHARS) }),
    title: t(locale, 'help.title'),
    intro: t(locale, 'help.intro'),
    entries: HELP_ENTRIES.map((entry) => ({
      usage: t(locale, `help.${entry}.usage`, words),
      description: t(locale, `help.${entry}`),
      hasExample: hasExample(entry),
      example: hasExample(entry)
        ? t(locale, 'help.example', { example: t(locale, `help.${entry}.example`, words) })
        : '',
    })),
  });
}
