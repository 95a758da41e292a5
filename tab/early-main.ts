// The page's module script, tiny and apart from the bundle. Standalone with a session kept, the head script
// (head-start.ts) has sent the first reads already; this draws the list's answer as the first page
// (pipeline/first-page.ts) before the app is loaded, so the main thread is free to draw it when it comes. Then (or at
// once, in Teams or without a session) the app itself loads, React and Fluent UI, and takes the answers over
// (api/early-reads.ts).
import { peekEarlyRead } from './api/early-reads';
import type { ReferralPage } from './api/types';
import { firstListPath, startFirstReads } from './first-reads';
import { drawFirstPage } from './pipeline/first-page';
import { initialFilters } from './pipeline/initial-filters';
import { standaloneTheme } from './standalone-theme';
import { pickLocale, stringsFor } from './strings';

// However long the list takes, the app does not wait for it longer than this.
const FIRST_PAGE_WAIT_MS = 300;

const startApp = () => import('./main');
// The head script has started them (head-start.ts); this starts any it could not.
const token = startFirstReads();

async function firstPage(): Promise<void> {
  const filters = initialFilters(location.search);
  const response = await peekEarlyRead(firstListPath(filters));
  if (!response?.ok) return;
  const page = (await response.json()) as ReferralPage;
  const strings = stringsFor(pickLocale(undefined, location.search, navigator.language));
  document.documentElement.lang = strings.locale;
  drawFirstPage(document.getElementById('root')!, strings, filters, page);
}

if (!token) void startApp();
else {
  document.documentElement.dataset.theme = standaloneTheme(location.search);
  const waited = new Promise((done) => setTimeout(done, FIRST_PAGE_WAIT_MS));
  void Promise.race([firstPage().catch(() => undefined), waited]).then(startApp);
}
