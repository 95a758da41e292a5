import type { Money } from '../core/referral';
import { t, type Locale } from './catalogue';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ko: 'ko-KR' };
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** "25 Nov 2026" / "2026년 11월 25일". */
export function formatDate(locale: Locale, timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at);
}

/** "25 Nov, 09:14" / "11월 25일 오전 9:14". */
export function formatDateTime(locale: Locale, timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** "US$120,000" / "US$120,000", in the amount's own currency. */
export function formatMoney(locale: Locale, money: Money): string {
  try {
    return new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency: money.currency,
      maximumFractionDigits: Number.isInteger(money.amount) ? 0 : 2,
    }).format(money.amount);
  } catch {
    return `${money.amount.toLocaleString(INTL_LOCALE[locale])} ${money.currency}`;
  }
}

/** A duration people read at a glance: "45 min", "19 h", "3 days". */
export function formatDuration(locale: Locale, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR_MS) return t(locale, 'time.minutes', { n: Math.max(1, Math.round(abs / 60_000)) });
  if (abs < 2 * DAY_MS) return t(locale, 'time.hours', { n: Math.round(abs / HOUR_MS) });
  return t(locale, 'time.days', { n: Math.round(abs / DAY_MS) });
}

/** "19 h left" or "overdue by 5 h". */
export function formatTimeLeft(locale: Locale, until: Date, now: Date): string {
  const ms = until.getTime() - now.getTime();
  return t(locale, ms >= 0 ? 'time.left' : 'time.overdue', { duration: formatDuration(locale, ms) });
}

/** "3 h ago". */
export function formatAgo(locale: Locale, at: Date, now: Date): string {
  return t(locale, 'time.ago', { duration: formatDuration(locale, now.getTime() - at.getTime()) });
}

/** Cuts text for lists and summaries, on a character boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
