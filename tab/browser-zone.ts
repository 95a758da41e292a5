// Asking Intl for the browser's zone builds a formatter (a page's first costs it 15-30 ms, as it loads ICU's data), so
// it is asked once per page load, and kept for the next visit: the page's first script sends the first list call
// with the zone kept and needs no Intl at all (head-start.ts). A zone that has changed since is the app's to correct
// (its own list call then differs from the early one, so it asks again).
const KEY = 'referral-desk.time-zone';
let browserZone: string | undefined;

export function browserTimeZone(): string {
  if (browserZone) return browserZone;
  browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  try {
    localStorage.setItem(KEY, browserZone);
  } catch {
    // Storage refused (a private window, a policy): the next visit asks Intl again.
  }
  return browserZone;
}

/** The zone kept from an earlier visit, read without Intl; the browser's own when there is none. */
export function keptTimeZone(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
  } catch {
    // As above.
  }
  return browserTimeZone();
}
