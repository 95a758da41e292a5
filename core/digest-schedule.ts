import { invalid, ok, type Result } from './result';

export interface DigestSchedule {
  cadence: 'daily' | 'weekly';
  /** 0 = Sunday … 6 = Saturday; weekly only. */
  weekday?: number;
  hour: number;
  minute: number;
  timeZone: string;
}

export type DigestRequest =
  { kind: 'now' } | { kind: 'off' } | { kind: 'subscribe'; schedule: DigestSchedule };

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 24 * 3600_000;

/** `digest`, `digest off`, `digest daily 08:00 [zone]`, `digest weekly mon 08:00 [zone]`. */
export function parseDigestRequest(args: string[], defaultTimeZone: string): Result<DigestRequest> {
  const words = args.map((w) => w.trim()).filter(Boolean);
  const [first, ...rest] = words.map((w, i) =>
    i === words.length - 1 && w.includes('/') ? w : w.toLowerCase(),
  );
  if (first === undefined || first === 'now') return ok({ kind: 'now' });
  if (first === 'off' || first === 'stop') return ok({ kind: 'off' });
  if (first !== 'daily' && first !== 'weekly') return wrong('cadence');
  let weekday: number | undefined;
  if (first === 'weekly') {
    weekday = WEEKDAYS.indexOf((rest.shift() ?? '').slice(0, 3));
    if (weekday < 0) return wrong('weekday');
  }
  const time = /^(\d{1,2}):(\d{2})$/.exec(rest.shift() ?? '08:00');
  const hour = Number(time?.[1]);
  const minute = Number(time?.[2]);
  if (!time || hour > 23 || minute > 59) return wrong('time');
  const timeZone = rest.shift() ?? defaultTimeZone;
  if (!isTimeZone(timeZone)) return wrong('timeZone');
  return ok({ kind: 'subscribe', schedule: { cadence: first, weekday, hour, minute, timeZone } });
}

/** The first time after `after` that the schedule comes round, in its own time zone (DST included). */
export function nextDigestAt(schedule: DigestSchedule, after: Date): Date {
  for (let day = 0; day <= 8; day++) {
    const local = localParts(new Date(after.getTime() + day * DAY_MS), schedule.timeZone);
    if (schedule.cadence === 'weekly' && local.weekday !== schedule.weekday) continue;
    const at = zonedTime(
      local.year,
      local.month,
      local.day,
      schedule.hour,
      schedule.minute,
      schedule.timeZone,
    );
    if (at > after) return at;
  }
  throw new Error('no digest time within 8 days: schedule is invalid');
}

/** How far back a digest looks. */
export function digestPeriodMs(schedule: Pick<DigestSchedule, 'cadence'>): number {
  return schedule.cadence === 'weekly' ? 7 * DAY_MS : DAY_MS;
}

function wrong(code: 'cadence' | 'weekday' | 'time' | 'timeZone'): Result<DigestRequest> {
  return invalid([{ field: code, code: `digest-${code}`, message: `Unrecognised digest ${code}.` }]);
}

/** Whether `name` is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    weekday: WEEKDAYS.indexOf(String(parts['weekday']).toLowerCase().slice(0, 3)),
  };
}

/** The instant whose wall-clock time in `timeZone` is the given one; two passes settle a DST offset change. */
function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let pass = 0; pass < 2; pass++) {
    const seen = localParts(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += wanted - seenUtc;
  }
  return new Date(guess);
}
