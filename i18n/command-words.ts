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

/** Every word that names it, in every language. */
export function everyWord(words: Words): string[] {
  return [...LOCALES.map((locale) => words[locale]), ...(words.also ?? [])];
}
