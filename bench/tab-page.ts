// `tab-page`: how long the pipeline tab takes, in Debian's Chromium, from navigation until its first page of rows
// can be clicked, against a static page served by the same process (the service's own `/`, plain HTML). Local
// mode, standalone at /tab, signed in as a Playground person beforehand (the session the picker keeps), over the
// 1k history plus 30 referrals waiting in the inbox.
import type { Page } from 'playwright-core';
import { startConnectorPeer } from '../test/support/connector-peer';
import { DANA } from '../test/support/teams-client';
import { launchChromium } from '../test/e2e/support/browser';
import { historyNote, type Section } from './context';
import { compare, ms } from './report';
import { withInstalledService } from './service-under-test';
import { externalIds, median, progress, sendReferrals } from './support';

const LOADS = 9;
const HISTORY = 1000;
const WAITING = 30;
const SESSION_KEY = 'referral-desk.dev-person'; // tab/local-sign-in.ts

/**
 * Per load, in a fresh page each time (the browser's cache kept, as in Teams): the time from the start of the
 * navigation until the page says it is ready, read off the page's own clock (`performance.now()`), so the
 * figure is not rounded up to the intervals at which Playwright looks.
 */
async function loadTimes(
  newPage: () => Promise<Page>,
  url: string,
  ready: (page: Page) => { took(): Promise<number> },
) {
  const times: number[] = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const page = await newPage();
    const readiness = ready(page);
    await page.goto(url, { waitUntil: 'commit' });
    const took = await readiness.took();
    await page.close();
    // The first load fills the browser's cache; the ones measured are the visits after it.
    if (i > 0) times.push(took);
  }
  return times;
}

// Notes, on the page's clock, the first frame drawn with a row's button in the table, and says so on the console:
// the bench learns it without running anything in the page while it loads (Playwright's locators would, on the
// page's own main thread, which the static page does not share).
const FIRST_ROW_DRAWN = 'referral-desk-bench:first-row-drawn';
const FIRST_ROW_WATCH = `(() => {
  const seen = () => {
    if (window.__firstRowAt !== undefined || !document.querySelector('table td button')) return;
    window.__firstRowAt = null;
    requestAnimationFrame(() => {
      window.__firstRowAt = performance.now();
      console.debug(${JSON.stringify(FIRST_ROW_DRAWN)});
    });
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true });
})()`;

export const tabPageSection: Section = {
  name: 'tab-page',
  title: `the tab's first page interactive in Chromium (median of ${LOADS} loads) vs a static page of the same process`,
  async run(ctx) {
    const history = await ctx.history(HISTORY);
    const peer = await startConnectorPeer();
    const browser = await launchChromium();
    try {
      const { uri } = await ctx.store();
      const { tab, floor } = await withInstalledService(uri, history.database, peer.url, async (service) => {
        progress(`tab-page: ${WAITING} referrals through intake …`);
        await sendReferrals(service.url, externalIds('tab-page', WAITING), 10);
        await service.idle();
        const session = await devSession(service.url);
        await browser.context.addInitScript(
          `sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))})`,
        );
        await browser.context.addInitScript(FIRST_ROW_WATCH);
        await ctx.quiet();
        progress('tab-page: loading / and /tab in turn …');
        const newPage = () => browser.newPage();
        const floorTimes = await loadTimes(newPage, `${service.url}/`, (page) => ({
          async took() {
            await page.waitForLoadState('load');
            return page.evaluate<number>("performance.getEntriesByType('navigation')[0].loadEventEnd");
          },
        }));
        const tabTimes = await loadTimes(newPage, `${service.url}/tab?lang=en`, (page) => {
          const drawn = page.waitForEvent('console', (message) => message.text() === FIRST_ROW_DRAWN);
          return {
            async took() {
              await drawn;
              return page.evaluate<number>('window.__firstRowAt');
            },
          };
        });
        return { tab: median(tabTimes), floor: median(floorTimes) };
      });
      return {
        rows: [compare('first page of rows interactive', ms(tab), ms(floor), { on: 'ratio', atMost: 1.5 })],
        notes: [
          historyNote(history),
          "floor: GET / (static HTML) until its load event; subject: GET /tab until the first frame with a row's " +
            "button, both on the page's own clock from the start of the navigation",
        ],
      };
    } finally {
      await browser.close();
      await peer.close();
    }
  },
};

/** The session the people picker keeps: a dev token for one of the team's people (local mode only). */
async function devSession(serviceUrl: string) {
  const res = await fetch(`${serviceUrl}/api/tab/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ aadObjectId: DANA.aadObjectId }),
  });
  if (!res.ok) throw new Error(`dev token: HTTP ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  return { person: { aadObjectId: DANA.aadObjectId, name: DANA.name }, token };
}
