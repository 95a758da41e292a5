// The tab's words: its own (words.ts) and the bot's catalogue for field labels, reasons, sizes and states (i18n/),
// so a form in the tab reads as the card's does.
import {
  codeMessage,
  isMessageKey,
  t as catalogue,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../i18n/catalogue';
import { wordsFor, type Words } from './words';

export { pickLocale, type TabKey } from './words';

export interface Strings extends Words {
  /** The bot's catalogue (field labels, reasons, sizes), so the tab and the cards say the same. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A field error as the card words it (its code in the catalogue), else the server's own message. */
  fieldMessage(error: { message: string; code?: string; params?: MessageParams }): string;
}

export function stringsFor(locale: Locale): Strings {
  return {
    ...wordsFor(locale),
    t: (key, params) => catalogue(locale, key, params),
    fieldMessage: (error) =>
      error.code && isMessageKey(`error.${error.code}`)
        ? codeMessage(locale, 'error', error.code, error.params)
        : error.message,
  };
}
