import type { MessageModule } from './define-messages';
import { adviceMessages } from './messages/advice';
import { botMessages } from './messages/bot';
import { commandCardMessages } from './messages/command-cards';
import { coreMessages } from './messages/core';
import { digestMessages } from './messages/digest';
import { integrationMessages } from './messages/integration';
import { referralCardMessages } from './messages/referral-card';
import { schedulerMessages } from './messages/scheduler';
import { siteMessages } from './messages/site';
import { syncMessages } from './messages/sync';

import type { Locale } from './locale';

export { LOCALES, localeFrom, type Locale } from './locale';

/** Each area (referral card, commands, scheduler notices, digests, sync) keeps its own module under `messages/`. */
const MODULES = [
  coreMessages,
  referralCardMessages,
  commandCardMessages,
  schedulerMessages,
  digestMessages,
  syncMessages,
  integrationMessages,
  botMessages,
  siteMessages,
  adviceMessages,
];

type KeysOf<M> = M extends MessageModule<infer Key> ? Key : never;

/** Every message's key: `t` takes only these, so a key that does not exist fails to compile. */
export type MessageKey = KeysOf<(typeof MODULES)[number]>;

export type MessageParams = Record<string, string | number>;

const CATALOGUE: Record<Locale, Map<string, string>> = {
  en: new Map(MODULES.flatMap((m) => Object.entries(m.en))),
  ko: new Map(MODULES.flatMap((m) => Object.entries(m.ko))),
};

/** The catalogue's keys for a language; the catalogue spec checks both languages have the same ones. */
export function catalogueKeys(locale: Locale): string[] {
  return [...CATALOGUE[locale].keys()];
}

/** Whether a string built at run time names a message (English names the keys; Korean has the same ones). */
export function isMessageKey(key: string): key is MessageKey {
  return CATALOGUE.en.has(key);
}

/** The text for `key` in `locale`, with `{placeholders}` filled. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUE[locale].get(key);
  // Unreachable from typed code; kept so a key that slipped past the compiler still fails loudly.
  if (template === undefined) throw new Error(`no message "${key}" in the ${locale} catalogue`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** What the core returns as plain string codes: field errors (`FieldError.code`) and a result's warnings. */
export type CodeArea = 'error' | 'warning';

/**
 * The message for a code of `area`. A code the catalogue lacks (one a newer core or a stored record brings) gets
 * the area's generic message instead of a thrown error; the catalogue spec checks every code the core has today.
 */
export function codeMessage(locale: Locale, area: CodeArea, code: string, params?: MessageParams): string {
  const key = `${area}.${code}`;
  return t(locale, isMessageKey(key) ? key : `${area}.unknown`, params);
}
