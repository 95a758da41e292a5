import { createRoot } from 'react-dom/client';
import { startEarlyReads } from './api/early-reads';
import { queryOf } from './api/query';
import { isFramed } from './host/teams-host';
import { savedSession } from './local-sign-in';
import { initialFilters } from './pipeline/initial-filters';
import { TabApp } from './tab-app';

// Standalone with a session kept, the token is known now: the first reads need not wait for the first render.
const session = isFramed() ? undefined : savedSession();
if (session)
  startEarlyReads(session.token, ['/me', `/referrals?${queryOf(initialFilters(location.search))}`]);

createRoot(document.getElementById('root')!).render(<TabApp />);
