// The reads the tab's first view needs, started as early as the page can: standalone with a session kept, the
// token is known before anything is drawn (in Teams it comes from the host, later, and the app starts them then).
// Either way, a page that carries its first rows (api/carried-page.ts) needs no call for them.
import { carriedPage, keepFirstList } from './api/carried-page';
import { startEarlyReads } from './api/early-reads';
import { listQueryOf } from './api/query';
import type { Filters, ReferralPage } from './api/types';
import { keptTimeZone } from './browser-zone';
import { isFramed } from './host/teams-host';
import { savedSession } from './local-sign-in';
import { initialFilters } from './pipeline/initial-filters';
import { pickLocale } from './words';
import type { Locale } from '../i18n/locale';

/** The first reads sent: the view the page opens on and the list call that fetches it. */
export interface FirstReads {
  filters: Filters;
  locale: Locale;
  listPath: string;
  /** The list's answer as the page carries it, when it does. */
  carried?: Promise<ReferralPage | undefined>;
  /** Starts what the first page does not wait for; for after it is drawn. */
  later(): void;
}

/**
 * The view the page opens on and the list call that fetches it, as the page's first script makes it: in the
 * language of `?lang=` (in Teams the tab's address carries the host's, `lang={locale}`) or the browser's.
 */
export function firstView(): Pick<FirstReads, 'filters' | 'locale' | 'listPath'> {
  const filters = initialFilters(location.search);
  const locale = pickLocale(undefined, location.search, navigator.language);
  return { filters, locale, listPath: `/referrals?${listQueryOf(filters, locale, keptTimeZone())}` };
}

/**
 * Starts the first reads: standalone with a session kept, the token is known now; in Teams it is not, but the page
 * may carry the rows for the person its address names (`viewer={userObjectId}`). What was started, or undefined.
 */
export function startFirstReads(): FirstReads | undefined {
  const view = firstView();
  if (isFramed()) {
    const viewer = new URLSearchParams(location.search).get('viewer');
    const carried = viewer ? carriedPage(view.listPath, viewer) : undefined;
    return carried ? { ...view, carried, later: () => undefined } : undefined;
  }
  const session = savedSession();
  if (!session) return undefined;
  const later = () => {
    startEarlyReads(session.token, ['/me']);
    keepFirstList(view.listPath);
  };
  const carried = carriedPage(view.listPath, session.person.aadObjectId);
  if (carried) return { ...view, carried, later };
  // The list first: the first page waits for it alone, and the service answers the two in turn.
  startEarlyReads(session.token, [view.listPath]);
  later();
  return { ...view, later: () => undefined };
}
