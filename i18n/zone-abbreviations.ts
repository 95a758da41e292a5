/**
 * What people call the common time zones, by the UTC offset in force ("+9", "+5:30", "-4"). Intl's short names
 * are abbreviations only where CLDR has one for the language: en-GB writes "CET" and "BST" but "GMT+9" for Seoul
 * and "GMT-5" for New York, and Korean writes "GMT+9" for every zone but UTC. An offset a zone's row lacks (its
 * rules changed) falls back to Intl's "GMT+9", which is never wrong, only less readable.
 * The US zones use the names that hold all year (ET, PT), as US calendars do; Europe and Australia name summer
 * time (CEST, BST, AEDT), as their readers do. China's "CST" and Ireland's "IST" are left out: each also names
 * another zone (US Central, India) a reader of these cards may well be in.
 */
const CET = { '+1': 'CET', '+2': 'CEST' };
const EET = { '+2': 'EET', '+3': 'EEST' };
const AUSTRALIA_EAST = { '+10': 'AEST', '+11': 'AEDT' };

export const ZONE_ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  UTC: { '+0': 'UTC' },
  'Etc/UTC': { '+0': 'UTC' },
  'Asia/Seoul': { '+9': 'KST' },
  'Asia/Tokyo': { '+9': 'JST' },
  'Asia/Singapore': { '+8': 'SGT' },
  'Asia/Hong_Kong': { '+8': 'HKT' },
  'Asia/Kolkata': { '+5:30': 'IST' },
  'Europe/London': { '+0': 'GMT', '+1': 'BST' },
  'Europe/Lisbon': { '+0': 'WET', '+1': 'WEST' },
  'Europe/Berlin': CET,
  'Europe/Paris': CET,
  'Europe/Madrid': CET,
  'Europe/Rome': CET,
  'Europe/Amsterdam': CET,
  'Europe/Brussels': CET,
  'Europe/Vienna': CET,
  'Europe/Zurich': CET,
  'Europe/Stockholm': CET,
  'Europe/Oslo': CET,
  'Europe/Copenhagen': CET,
  'Europe/Warsaw': CET,
  'Europe/Prague': CET,
  'Europe/Budapest': CET,
  'Europe/Helsinki': EET,
  'Europe/Athens': EET,
  'Europe/Bucharest': EET,
  'America/New_York': { '-5': 'ET', '-4': 'ET' },
  'America/Toronto': { '-5': 'ET', '-4': 'ET' },
  'America/Detroit': { '-5': 'ET', '-4': 'ET' },
  'America/Chicago': { '-6': 'CT', '-5': 'CT' },
  'America/Denver': { '-7': 'MT', '-6': 'MT' },
  // Arizona keeps standard time all year: in summer it is on Pacific time, so "MT" would mislead.
  'America/Phoenix': { '-7': 'MST' },
  'America/Los_Angeles': { '-8': 'PT', '-7': 'PT' },
  'America/Vancouver': { '-8': 'PT', '-7': 'PT' },
  'America/Anchorage': { '-9': 'AKT', '-8': 'AKT' },
  'Pacific/Honolulu': { '-10': 'HST' },
  'Australia/Sydney': AUSTRALIA_EAST,
  'Australia/Melbourne': AUSTRALIA_EAST,
  'Australia/Brisbane': { '+10': 'AEST' },
  'Australia/Perth': { '+8': 'AWST' },
  'Pacific/Auckland': { '+12': 'NZST', '+13': 'NZDT' },
};

// An abbreviation CLDR gives for the language ("UTC", "CET", "GMT"), as opposed to an offset ("GMT+9").
const ABBREVIATION = /^[A-Z]{2,5}$/;
const OFFSET = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;

/**
 * The name people read for `timeZone` where Intl wrote `intlName` (the short `timeZoneName` of one instant, so
 * summer and winter each get theirs): Intl's own abbreviation, else ours for the offset, else Intl's "GMT+9".
 */
export function zoneAbbreviation(timeZone: string, intlName: string): string {
  if (ABBREVIATION.test(intlName)) return intlName;
  const offset = OFFSET.exec(intlName);
  if (!offset) return intlName;
  const [, sign = '+', hours = '0', minutes] = offset;
  const key = `${hours === '0' ? '+' : sign}${Number(hours)}${minutes && minutes !== '00' ? `:${minutes}` : ''}`;
  return ZONE_ABBREVIATIONS[timeZone]?.[key] ?? intlName;
}
