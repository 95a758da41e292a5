// The reads the tab's first view needs, started as early as the page can: standalone with a session kept, the
// token is known before anything is drawn (in Teams it comes from the host, later, and the app starts them then).
import { startEarlyReads } from './api/early-reads';
import { queryOf } from './api/query';
import type { Filters } from './api/types';
import { isFramed } from './host/teams-host';
import { savedSession } from './local-sign-in';
import { initialFilters } from './pipeline/initial-filters';

/** The list call for `filters`: the view the page opens on. */
export const firstListPath = (filters: Filters) => `/referrals?${queryOf(filters)}`;

/** Starts the first reads when the token is known now; the token, or undefined when it is not. */
export function startFirstReads(): string | undefined {
  const session = isFramed() ? undefined : savedSession();
  // The list first: the first page waits for it alone, and the service answers the two in turn.
  if (session) startEarlyReads(session.token, [firstListPath(initialFilters(location.search)), '/me']);
  return session?.token;
}
