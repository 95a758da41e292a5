// The reads the tab's first view needs, started as early as the page can: standalone with a session kept, the
// token is known before anything is drawn (in Teams it comes from the host, later, and the app starts them then).
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

/** The view a standalone page opens on, and the list call that fetches it. */
export function firstView(): Pick<FirstReads, 'filters' | 'locale' | 'listPath'> {
  const filters = initialFilters(location.search);
  // As the app will pick it, standalone (tab-app.tsx): no host, so `?lang=` or the browser's.
  const locale = pickLocale(undefined, location.search, navigator.language);
  return { filters, locale, listPath: `/referrals?${listQueryOf(filters, locale, keptTimeZone())}` };
}

/** Starts the first reads when the token is known now; what was sent, or undefined when nothing could be. */
export function startFirstReads(): FirstReads | undefined {
  const session = isFramed() ? undefined : savedSession();
  if (!session) return undefined;
  const { filters, locale, listPath } = firstView();
  const later = () => {
    startEarlyReads(session.token, ['/me']);
    keepFirstList(listPath);
  };
  const carried = carriedPage(listPath, session.person.aadObjectId, session.token);
  if (carried) return { filters, locale, listPath, carried, later };
  // The list first: the first page waits for it alone, and the service answers the two in turn.
  startEarlyReads(session.token, [listPath]);
  later();
  return { filters, locale, listPath, later: () => undefined };
}
