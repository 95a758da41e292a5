import { isTimeZone } from './digest-schedule';
import type { Person } from './referral';
import { invalid, ok, type FieldError, type Result } from './result';

/** How a channel's own posts read, and who may change its settings. */
export interface ChannelPreferences {
  /** Undefined: the service's default language. */
  locale?: 'en' | 'ko';
  /** Undefined: the service's default time zone. */
  timeZone?: string;
  /** The team's referral admins named in settings (the bot's installer always is one). */
  adminIds: string[];
}

export interface ChannelPreferencesInput {
  locale?: unknown;
  timeZone?: unknown;
  /** Comma-separated Entra object ids, as a multi-select sends them. */
  admins?: unknown;
}

/** Checks the preferences part of the settings form; `members` are the team's, whom admins are chosen among. */
export function parseChannelPreferences(
  input: ChannelPreferencesInput,
  members: readonly Person[],
): Result<ChannelPreferences> {
  const errors: FieldError[] = [];
  const locale = typeof input.locale === 'string' ? input.locale.trim() : '';
  if (locale !== '' && locale !== 'en' && locale !== 'ko')
    errors.push({ field: 'locale', code: 'not-in-list', message: 'Choose English or Korean.' });
  const timeZone = typeof input.timeZone === 'string' ? input.timeZone.trim() : '';
  if (timeZone !== '' && !isTimeZone(timeZone))
    errors.push({
      field: 'timeZone',
      code: 'not-a-time-zone',
      message: 'Use an IANA time zone, such as Asia/Seoul or Europe/Berlin.',
    });
  const wanted = (typeof input.admins === 'string' ? input.admins : '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const known = new Set(members.map((m) => m.id));
  if (wanted.some((id) => !known.has(id)))
    errors.push({ field: 'admins', code: 'not-a-member', message: 'Choose members of this team.' });
  if (errors.length > 0) return invalid(errors);
  return ok({
    ...(locale === 'en' || locale === 'ko' ? { locale } : {}),
    ...(timeZone !== '' ? { timeZone } : {}),
    adminIds: [...new Set(wanted)],
  });
}
