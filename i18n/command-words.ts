import { LOCALES, type Locale } from './catalogue';
// JSON, not TypeScript, so that scripts/package-app.mjs reads the same words for the manifest's command list.
import table from './command-words.json';

/**
 * How one command or argument is typed: a word per language (the one help and the manifest show), and any other
 * word people use for it.
 */
export type Words = Record<Locale, string> & { also?: readonly string[] };

type ArgumentTable = typeof table.arguments;

/** Each command's words, by command name. */
export const COMMAND_WORDS: { [Command in keyof typeof table.commands]: Words } = table.commands;

/**
 * The words a command takes after its name, by command and by the form its handler reads (the English word):
 * `archived won`, `digest weekly mon`, `sync give-up`.
 */
export const ARGUMENT_WORDS: {
  [Command in keyof ArgumentTable]: { [Argument in keyof ArgumentTable[Command]]: Words };
} = table.arguments;

/** Words that narrow a list (`inbox co-sell`, `받은편지함 공동판매`), whichever list command they follow. */
export const FILTER_WORDS: { [Filter in keyof typeof table.filters]: Words } = table.filters;

/** Every word that names it, in every language. */
export function everyWord(words: Words): string[] {
  return [...LOCALES.map((locale) => words[locale]), ...(words.also ?? [])];
}

/** `give-up` → `giveUp`: placeholders are `{word characters}` only. */
const placeholderName = (key: string) =>
  key.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());

function wordParams(locale: Locale): Record<string, string> {
  const entries: [string, Words][] = [
    ...Object.entries(COMMAND_WORDS),
    ...Object.values<Record<string, Words>>(ARGUMENT_WORDS).flatMap((words) => Object.entries(words)),
    ...Object.entries(FILTER_WORDS),
  ];
  const params: Record<string, string> = {};
  for (const [key, words] of entries) {
    const name = placeholderName(key);
    if (Object.hasOwn(params, name))
      throw new Error(`command words: "${key}" names two words; placeholders need one`);
    params[name] = words[locale];
  }
  return params;
}

const PARAMS = Object.fromEntries(LOCALES.map((locale) => [locale, wordParams(locale)])) as Record<
  Locale,
  Record<string, string>
>;

/**
 * Every command and argument word in `locale`, as message parameters named by command or argument (`{archived}`,
 * `{won}`, `{giveUp}`), so a message shows the words the bot parses instead of a copy that could drift.
 */
export function commandWordParams(locale: Locale): Record<string, string> {
  return PARAMS[locale];
}
