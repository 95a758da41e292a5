import { localeFrom, type Locale } from '../i18n/catalogue';

/** What every view-model needs to know about who is looking: their language, their time zone, and now. */
export interface ViewContext {
  locale: Locale;
  timeZone: string;
  now: Date;
}

/** How posts read where no person's own locale is known: the configured defaults (config `display`). */
export interface DisplayDefaults {
  timeZone: string;
  locale: Locale;
}

/** The view a conversation's posts are drawn in: its language when Teams told us one, else the defaults. */
export function conversationView(
  display: DisplayDefaults,
  locale: string | undefined,
  now: Date,
): ViewContext {
  return { locale: localeFrom(locale, display.locale), timeZone: display.timeZone, now };
}
