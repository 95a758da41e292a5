// The page's first script, tiny and apart from the bundle: standalone with a session kept, the token is known
// now, so the first reads go out while the browser is still loading and running React and Fluent UI. The bundle
// takes their answers (api/early-reads.ts, one module both scripts share).
import { startEarlyReads } from './api/early-reads';
import { queryOf } from './api/query';
import { isFramed } from './host/teams-host';
import { savedSession } from './local-sign-in';
import { initialFilters } from './pipeline/initial-filters';

const session = isFramed() ? undefined : savedSession();
if (session)
  startEarlyReads(session.token, ['/me', `/referrals?${queryOf(initialFilters(location.search))}`]);
