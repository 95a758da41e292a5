import { ARGUMENT_WORDS, COMMAND_WORDS, everyWord, FILTER_WORDS, type Words } from '../i18n/command-words';
import type { CommandName } from './commands';

// The words table names exactly the commands there are: one without words, or words for none, fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _everyCommandHasWords: Same<keyof typeof COMMAND_WORDS, CommandName> = true;

/** A word as it is looked up: any case, and Hangul composed (some keyboards send it as separate letters). */
const asLookedUp = (word: string) => word.normalize('NFC').toLowerCase();

/** Each word, in every language, to what it names; a word that names two things is a mistake in the table. */
function byWord<Key extends string>(entries: [Key, Words][]): Map<string, Key> {
  const named = new Map<string, Key>();
  for (const [key, words] of entries) {
    for (const word of everyWord(words).map(asLookedUp)) {
      const other = named.get(word);
      if (other !== undefined && other !== key) throw new Error(`"${word}" names both ${other} and ${key}`);
      named.set(word, key);
    }
  }
  return named;
}

const COMMAND_BY_WORD = byWord(Object.entries(COMMAND_WORDS) as [CommandName, Words][]);
const ARGUMENT_BY_WORD = new Map<string, Map<string, string>>(
  Object.entries<Record<string, Words>>(ARGUMENT_WORDS).map(([command, words]) => [
    command,
    byWord(Object.entries(words)),
  ]),
);

/**
 * The command a word names, in English or Korean whatever the person's locale: people mix, and Teams sends a
 * localized command-menu title as it is (it does not translate it back).
 */
export function commandNamed(word: string): CommandName | undefined {
  return COMMAND_BY_WORD.get(asLookedUp(word));
}

/**
 * The arguments with each word `command` knows put in the form its handler reads (`성사` → `won`, `매주 월` →
 * `weekly mon`); anything else (a time, a time zone, an id) as typed.
 */
export function handlerArguments(command: CommandName, args: string[]): string[] {
  const known = ARGUMENT_BY_WORD.get(command);
  return known ? args.map((arg) => known.get(asLookedUp(arg)) ?? arg) : args;
}

const FILTER_BY_WORD = byWord(Object.entries(FILTER_WORDS) as [keyof typeof FILTER_WORDS, Words][]);

/** A list's arguments split into the filters they name (`co-sell`) and the rest (an outcome, for `archived`). */
export function listFilters(args: string[]): { coSell: boolean; rest: string[] } {
  const rest = args.filter((arg) => FILTER_BY_WORD.get(asLookedUp(arg)) === undefined);
  return { coSell: rest.length < args.length, rest };
}
