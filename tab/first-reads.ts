// The reads the tab's first view needs, started as early as the page can: standalone with a session kept, the
// token is known before anything is drawn (in Teams it comes from the host, later, and the app starts them then).
import { startEarlyReads } from './api/early-reads';
import { listQueryOf } from './api/query';
import type { Filters } from './api/types';
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
}

/** Starts the first reads when the token is known now; what was sent, or undefined when nothing could be. */
export function startFirstReads(): FirstReads | undefined {
  const session = isFramed() ? undefined : savedSession();
  if (!session) return undefined;
  const filters = initialFilters(location.search);
  // As the app will pick it, standalone (tab-app.tsx): no host, so `?lang=` or the browser's.
  const locale = pickLocale(undefined, location.search, navigator.language);
  const listPath = `/referrals?${listQueryOf(filters, locale, keptTimeZone())}`;
  // The list first: the first page waits for it alone, and the service answers the two in turn.
  startEarlyReads(session.token, [listPath, '/me']);
  return { filters, locale, listPath };
}
