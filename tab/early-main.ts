// The page's only script tag, tiny and apart from the bundle. Standalone with a session kept, the token is known
// now: the first reads go out at once, and the list's answer is drawn as the first page (pipeline/first-page.ts)
// before the app is loaded, so the main thread is free to draw it when it comes. Then (or at once, in Teams or
// without a session) the app itself loads, React and Fluent UI, and takes the answers over (api/early-reads.ts).
import { peekEarlyRead, startEarlyReads } from './api/early-reads';
import { queryOf } from './api/query';
import type { ReferralPage } from './api/types';
import { isFramed } from './host/teams-host';
import { savedSession } from './local-sign-in';
import { drawFirstPage } from './pipeline/first-page';
import { initialFilters } from './pipeline/initial-filters';
import { standaloneTheme } from './standalone-theme';
import { pickLocale, stringsFor } from './strings';

// However long the list takes, the app does not wait for it longer than this.
const FIRST_PAGE_WAIT_MS = 300;

const startApp = () => import('./main');
const session = isFramed() ? undefined : savedSession();

async function firstPage(token: string): Promise<void> {
  const filters = initialFilters(location.search);
  const list = `/referrals?${queryOf(filters)}`;
  startEarlyReads(token, ['/me', list]);
  const response = await peekEarlyRead(list);
  if (!response?.ok) return;
  const page = (await response.json()) as ReferralPage;
  const strings = stringsFor(pickLocale(undefined, location.search, navigator.language));
  document.documentElement.lang = strings.locale;
  drawFirstPage(document.getElementById('root')!, strings, filters, page);
}

if (!session) void startApp();
else {
  document.documentElement.dataset.theme = standaloneTheme(location.search);
  const waited = new Promise((done) => setTimeout(done, FIRST_PAGE_WAIT_MS));
  void Promise.race([firstPage(session.token).catch(() => undefined), waited]).then(startApp);
}
