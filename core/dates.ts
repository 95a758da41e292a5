// Dates are parsed by hand rather than with `new Date(string)`: the built-in parser reads a date-time without an
// offset as local time, which would make the core depend on the machine's time zone, and it rolls impossible dates
// such as 2026-02-30 over into March instead of refusing them.

const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads `YYYY-MM-DD` (what Adaptive Cards' Input.Date sends) or an ISO 8601 date-time. A date alone is midnight
 * UTC; a date-time without an offset is taken as UTC too (Partner Center's dates are UTC). Returns undefined for
 * anything else, including dates that do not exist.
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === undefined) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(fraction.padEnd(3, '0').slice(0, 3)));
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Midnight UTC of the day `at` falls on: "today" for rules stated in days. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function addUtcYears(at: Date, years: number): Date {
  const date = new Date(at.getTime());
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

/** `2026-11-24 09:12 UTC`: how the core names a moment in messages. */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-11-24`: how the core names a day in messages. */
export function formatUtcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
