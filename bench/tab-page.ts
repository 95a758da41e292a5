// `tab-page`: how long the pipeline tab takes, in Debian's Chromium, from navigation until its first page of rows
// can be clicked, against a static page served by the same process (the service's own `/`, plain HTML). Local
// mode, standalone at /tab, signed in as a Playground person beforehand (the session the picker keeps), over the
// 1k history plus 30 referrals waiting in the inbox: visits with the page's session (a person's usual visit, the
// rows in the page) and without it (a first visit, the page asks for its rows).
import type { Cookie, Page } from 'playwright-core';
import { startConnectorPeer } from '../test/support/connector-peer';
import { DANA } from '../test/support/teams-client';
import { launchChromium } from '../test/e2e/support/browser';
import { PAGE_SESSION_COOKIE } from '../tab-api/page-session';
import { historyNote, type Section } from './context';
import { compare, ms } from './report';
import { withInstalledService } from './service-under-test';
import { externalIds, median, progress, sendReferrals } from './support';

const LOADS = 25;
const HISTORY = 1000;
const WAITING = 30;
const SESSION_KEY = 'referral-desk.dev-person'; // tab/local-sign-in.ts

/** How one visit is made: from a fresh page, until `ready` says, between `before` and `after` (on the browser). */
interface Visits {
  url: string;
  /** The page's clock when it was ready (`performance.now()`, from the start of the navigation). */
  ready(page: Page): { took(): Promise<number> };
  /** Waited for on the first visit only, which is not measured: what a person's first visit does. */
  settled?(page: Page): Promise<unknown>;
  before?(): Promise<void>;
  after?(): Promise<void>;
}

/**
 * Per load, in a fresh page each time (the browser's cache kept, as in Teams): the time from the start of the
 * navigation until the page says it is ready, read off the page's own clock (`performance.now()`), so the
 * figure is not rounded up to the intervals at which Playwright looks. The kinds of visit take turns, one load of
 * each per round, so a machine that slows down in between slows all of them alike.
 */
async function loadTimes(newPage: () => Promise<Page>, kinds: Visits[]): Promise<number[][]> {
  const times = kinds.map((): number[] => []);
  for (let round = 0; round < LOADS + 1; round++) {
    for (const [k, visits] of kinds.entries()) {
      await visits.before?.();
      const page = await newPage();
      const readiness = visits.ready(page);
      const settled = round === 0 ? visits.settled?.(page) : undefined;
      await page.goto(visits.url, { waitUntil: 'commit' });
      const took = await readiness.took();
      await settled;
      await page.close();
      await visits.after?.();
      // The first round fills the browser's cache; the ones measured are the visits after it.
      if (round > 0) times[k]!.push(took);
    }
  }
  return times;
}

// Notes, on the page's clock, the first frame drawn after the load event and the first frame drawn with a row's
// button in the table, and says so on the console: the bench learns it without running anything in the page while
// it loads (Playwright's locators would, on the page's own main thread, which the static page does not share).
// Both sides end at a frame: nothing is seen, nor can be clicked, before the page's first frame.
const LOADED_FRAME = 'referral-desk-bench:loaded-frame';
const FIRST_ROW_DRAWN = 'referral-desk-bench:first-row-drawn';
const FRAME_WATCH = `(() => {
  const seen = () => {
    if (window.__firstRowAt !== undefined || !document.querySelector('table td button')) return;
    window.__firstRowAt = null;
    requestAnimationFrame(() => {
      window.__firstRowAt = performance.now();
      console.debug(${JSON.stringify(FIRST_ROW_DRAWN)});
    });
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true });
  addEventListener('load', () =>
    requestAnimationFrame(() => {
      window.__loadedFrameAt = performance.now();
      console.debug(${JSON.stringify(LOADED_FRAME)});
    }),
  );
})()`;

/** Ready at the frame the page's script notes as `event`, at the time it keeps in `global`. */
const atFrame = (event: string, global: string) => (page: Page) => {
  const noted = page.waitForEvent('console', (message) => message.text() === event);
  return {
    async took() {
      await noted;
      return page.evaluate<number>(`window.${global}`);
    },
  };
};

export const tabPageSection: Section = {
  name: 'tab-page',
  title: `the tab's first page interactive in Chromium (median of ${LOADS} loads) vs a static page of the same process`,
  async run(ctx) {
    const history = await ctx.history(HISTORY);
    const peer = await startConnectorPeer();
    const browser = await launchChromium();
    try {
      const { uri } = await ctx.store();
      const { tab, unkept, floor, loadEvent } = await withInstalledService(
        uri,
        history.database,
        peer.url,
        async (service) => {
          progress(`tab-page: ${WAITING} referrals through intake …`);
          await sendReferrals(service.url, externalIds('tab-page', WAITING), 10);
          await service.idle();
          const session = await devSession(service.url);
          await browser.context.addInitScript(
            `sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(JSON.stringify(session))})`,
          );
          await browser.context.addInitScript(FRAME_WATCH);
          await ctx.quiet();
          progress('tab-page: loading / and /tab in turn …');
          const newPage = () => browser.newPage();
          // Also the static page's load event, which comes before its frame: the floor as measured until 2026-12-03.
          const loadEvents: number[] = [];
          const staticPage: Visits = {
            url: `${service.url}/`,
            ready(page) {
              const frame = atFrame(LOADED_FRAME, '__loadedFrameAt')(page);
              return {
                async took() {
                  const took = await frame.took();
                  loadEvents.push(
                    await page.evaluate<number>("performance.getEntriesByType('navigation')[0].loadEventEnd"),
                  );
                  return took;
                },
              };
            },
          };
          const tab: Visits = {
            url: `${service.url}/tab?lang=en`,
            ready: atFrame(FIRST_ROW_DRAWN, '__firstRowAt'),
            // A person's first visit: the app comes up and keeps the page's session.
            settled: (page) =>
              page.waitForResponse((response) => response.url().endsWith('/api/tab/page-session')),
          };
          // Visits without the page's session (a first visit, or one after the token has expired): the page's
          // script asks for the rows. The session is put back after each.
          let kept: Cookie[] = [];
          const unkept: Visits = {
            ...tab,
            async before() {
              kept = (await browser.context.cookies()).filter(
                (cookie) => cookie.name === PAGE_SESSION_COOKIE,
              );
              await browser.context.clearCookies({ name: PAGE_SESSION_COOKIE });
            },
            after: () => browser.context.addCookies(kept),
          };
          const [floorTimes, tabTimes, unkeptTimes] = await loadTimes(newPage, [staticPage, tab, unkept]);
          return {
            tab: median(tabTimes!),
            unkept: median(unkeptTimes!),
            floor: median(floorTimes!),
            loadEvent: median(loadEvents.slice(1)),
          };
        },
      );
      return {
        rows: [
          compare('first page of rows interactive', ms(tab), ms(floor), { on: 'ratio', atMost: 1.5 }),
          compare('the same without the page session', ms(unkept), ms(floor)),
          compare("the first vs the static page's load event", ms(tab), ms(loadEvent)),
        ],
        notes: [
          historyNote(history),
          'floor: GET / (static HTML) until the first frame after its load event; subject: GET /tab until the ' +
            "first frame with a row's button, both on the page's own clock from the start of the navigation",
          'first row: visits with the page session a first visit keeps (the page carries its first rows); second ' +
            'row: visits without it (the page asks for its rows)',
          "third row: the first against the static page's load event, before its first frame (how this section measured " +
            'until 2026-12-03, a frame on one side only)',
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
