// The page's first script: classic, small and inline in <head> (scripts/build-tab.mjs), so it runs as the page is
// parsed. Standalone with a session kept, it sends the first reads and draws the list's answer as the first page
// (pipeline/first-page.ts), in plain DOM, with the tab's own words and the texts the service wrote: no module to
// fetch, no catalogue, no Intl formatter (a page's first costs 15-30 ms) stands between the answer and the rows.
// Then (or at once, in Teams or without a session) it loads the app, React and Fluent UI, which takes the answers
// and the drawn page over (api/early-reads.ts, pipeline.tsx).
import { parsed } from './api/carried-page';
import { peekEarlyRead } from './api/early-reads';
import type { ReferralPage } from './api/types';
import { startFirstReads, type FirstReads } from './first-reads';
import { drawFirstPage } from './pipeline/first-page';
import { standaloneTheme } from './standalone-theme';
import { wordsFor } from './words';

// The app's script, named by its content (set by scripts/build-tab.mjs).
declare const TAB_APP_SCRIPT: string;
// However long the list takes, the app does not wait for it longer than this.
const FIRST_PAGE_WAIT_MS = 300;

function loadApp() {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = TAB_APP_SCRIPT;
  document.head.append(script);
}

/** The list's answer: as the page carries it, else the early call's (parsed once the page is). */
async function firstAnswer({ listPath, carried }: FirstReads): Promise<ReferralPage | undefined> {
  const page = await carried;
  if (page) return page;
  const response = await peekEarlyRead(listPath);
  if (!response?.ok) return undefined;
  return (await Promise.all([response.json() as Promise<ReferralPage>, parsed()]))[0];
}

async function drawFirst(reads: FirstReads): Promise<void> {
  const page = await firstAnswer(reads);
  if (!page) return;
  document.documentElement.lang = reads.locale;
  drawFirstPage(document.getElementById('root')!, wordsFor(reads.locale), reads.filters, page);
}

// The app starts once the drawn page has had its frame: compiling it first would hold that frame up.
const afterNextFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

const reads = startFirstReads();
if (!reads) loadApp();
else {
  document.documentElement.dataset.theme = standaloneTheme(location.search);
  const waited = new Promise((done) => setTimeout(done, FIRST_PAGE_WAIT_MS));
  void Promise.race([
    drawFirst(reads)
      .catch(() => undefined)
      .then(afterNextFrame)
      .then(() => reads.later()),
    waited,
  ]).then(loadApp);
}
