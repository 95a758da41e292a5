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

/**
 * The view a channel's posts are drawn in: the language and time zone chosen in its settings, else the defaults.
 * Never the language of whoever spoke there last: a channel's cards must not change language with each speaker.
 */
export function channelView(
  display: DisplayDefaults,
  chosen: { locale?: Locale; timeZone?: string } | undefined,
  now: Date,
): ViewContext {
  return { locale: chosen?.locale ?? display.locale, timeZone: chosen?.timeZone ?? display.timeZone, now };
}

/** The view of someone's own conversation (their personal chat, a digest they asked for): their language. */
export function personalView(display: DisplayDefaults, locale: string | undefined, now: Date): ViewContext {
  return { locale: localeFrom(locale, display.locale), timeZone: display.timeZone, now };
}
