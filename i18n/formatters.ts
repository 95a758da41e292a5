// The Intl formatters the texts are written with, apart from the catalogue: the tab's first script builds them
// before anything else (tab/head-start.ts) and needs none of the messages.
import type { Locale } from './catalogue';

// en-GB writes dates day first ("25 Nov 2026"), which reads the same to readers on both sides of the Atlantic.
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ko: 'ko-KR' };
// en-GB would write US dollars as "US$"; en-US writes "$120,000" and still writes "€", "₩" or "CA$" for others.
export const MONEY_LOCALE: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

// Building an Intl formatter costs far more than using one (~0.1 ms against ~1 µs; the first in a browser page,
// 15-30 ms, as it loads ICU's data): each is built once per language, time zone and shape, and kept. The keys are
// few (2 languages × the zones in use × 3 shapes, and the currencies).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Day, month and year. */
export const dateFormatter = (locale: Locale, timeZone: string) =>
  cached(
    `date|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
  );

/** Day, month, a 24-hour time and the zone. */
export const dateTimeFormatter = (locale: Locale, timeZone: string) =>
  cached(
    `datetime|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone,
        day: 'numeric',
        month: 'short',
        // A 24-hour clock in both languages: recent ICU data writes Korean mornings as "AM 9:14", not "오전 9:14".
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      }),
  );

/** An amount in `currency` (ISO 4217); throws for a code Intl does not know. */
export const moneyFormatter = (locale: Locale, currency: string, fractionDigits: number) =>
  cached(
    `money|${locale}|${currency}|${fractionDigits}`,
    () =>
      new Intl.NumberFormat(MONEY_LOCALE[locale], {
        style: 'currency',
        currency,
        maximumFractionDigits: fractionDigits,
      }),
  );

/** A count, grouped as the language groups digits. */
export const countFormatter = (locale: Locale) =>
  cached(`count|${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale]));
