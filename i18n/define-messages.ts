import type { Locale } from './catalogue';

/** One area's strings, in every language. Placeholders are `{name}`. */
export type MessageModule<Key extends string = string> = Record<Locale, Record<Key, string>>;

/**
 * Declares an area's messages: the English ones name the keys, and the Korean ones must have exactly those, so a
 * message missing from `ko` or one `en` lacks fails to compile.
 */
export function defineMessages<Key extends string>(messages: {
  en: Record<Key, string>;
  // NoInfer: the keys come from English only; otherwise a Korean extra would widen them instead of failing.
  ko: NoInfer<Record<Key, string>>;
}): MessageModule<Key> {
  return messages;
}
