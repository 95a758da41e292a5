import type { Locale } from '../i18n/catalogue';

/** What every view-model needs to know about who is looking: their language, their time zone, and now. */
export interface ViewContext {
  locale: Locale;
  timeZone: string;
  now: Date;
}
