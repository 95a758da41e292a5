import type { Address, CustomerSize, Money } from '../core/referral';
import { t, type Locale, type MessageKey } from './catalogue';
import { countFormatter, dateFormatter, dateTimeFormatter, MONEY_LOCALE, moneyFormatter } from './formatters';
import { zoneAbbreviation } from './zone-abbreviations';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** "25 Nov 2026" / "2026년 11월 25일". */
export function formatDate(locale: Locale, timeZone: string, at: Date): string {
  return dateFormatter(locale, timeZone).format(at);
}

/**
 * "1 Feb 2027": a calendar day, such as a purchase date. It is kept as midnight UTC, so it is written in UTC: in a
 * zone west of UTC the reader's own zone would show the day before.
 */
export function formatDay(locale: Locale, day: Date): string {
  return formatDate(locale, 'UTC', day);
}

/**
 * "25 Nov, 09:14 KST" / "11월 25일 09:14 KST": a time is read with its zone, since a channel's readers need not
 * share one. The zone is named for that instant (CET in winter, CEST in summer; see zone-abbreviations).
 */
export function formatDateTime(locale: Locale, timeZone: string, at: Date): string {
  return dateTimeFormatter(locale, timeZone)
    .formatToParts(at)
    .map((part) => (part.type === 'timeZoneName' ? zoneAbbreviation(timeZone, part.value) : part.value))
    .join('');
}

/** "$120,000" / "US$120,000", in the amount's own currency (ISO 4217). */
export function formatMoney(locale: Locale, money: Money): string {
  try {
    const fractionDigits = Number.isInteger(money.amount) ? 0 : 2;
    return moneyFormatter(locale, money.currency, fractionDigits).format(money.amount);
  } catch {
    // A code Intl does not know (the API may send one newer than the runtime's data) is shown as it came.
    return `${money.amount.toLocaleString(MONEY_LOCALE[locale])} ${money.currency}`;
  }
}

/** "1,203": a count, grouped as the language groups digits. */
export function formatCount(locale: Locale, n: number): string {
  return countFormatter(locale).format(n);
}

/**
 * A duration people read at a glance: "45 min", "19 h", "3 days". Rounded down, so time left is never
 * overstated (13 days and 19 h left reads "13 days", not "14").
 */
export function formatDuration(locale: Locale, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR_MS) return t(locale, 'time.minutes', { n: Math.max(1, Math.floor(abs / 60_000)) });
  if (abs < 2 * DAY_MS) return t(locale, 'time.hours', { n: Math.floor(abs / HOUR_MS) });
  return t(locale, 'time.days', { n: Math.floor(abs / DAY_MS) });
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

/** "51–250 employees" / "직원 51–250명". */
export function formatCustomerSize(locale: Locale, size: CustomerSize): string {
  return t(locale, `size.${size}`);
}

/** "Redmond, WA, US": city, state and country code, as much of it as the source gave. */
export function formatLocation(address: Pick<Address, 'city' | 'state' | 'country'> | undefined): string {
  return [address?.city, address?.state, address?.country].filter(Boolean).join(', ');
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

const MINUTE_MS = 60_000;
const TWO_DAYS_MINUTES = 48 * 60;

/**
 * "3 h 20 min", "45 min", "2 days 4 h": two units, because a median of 3 h 50 min is not "3 h" to a manager
 * comparing it with the 24 h target. Stats and digests both show medians with it. Hours up to two days, like the rest of the bot's durations.
 */
export function formatResponseTime(locale: Locale, ms: number): string {
  const unit = (key: MessageKey, n: number) => (n > 0 ? t(locale, key, { n }) : '');
  const totalMinutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (totalMinutes < 60) return unit('time.minutes', totalMinutes);
  if (totalMinutes < TWO_DAYS_MINUTES) {
    return [unit('time.hours', Math.floor(totalMinutes / 60)), unit('time.minutes', totalMinutes % 60)]
      .filter(Boolean)
      .join(' ');
  }
  const totalHours = Math.round(totalMinutes / 60);
  return [unit('time.days', Math.floor(totalHours / 24)), unit('time.hours', totalHours % 24)]
    .filter(Boolean)
    .join(' ');
}
