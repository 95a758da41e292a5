// The pipeline tab in Debian's Chromium, two ways: standalone in local mode at the service's /tab (a Playground
// person picked, a dev token), and inside a Teams stand-in that frames it and answers teams-js (SSO with an Entra
// token signed by a test key whose JWKS the spec serves). In both: search, a filter, Accept redrawing the channel
// card, the CSV, screenshots and an axe-core run; hosted also the theme change, the deep link and openLink.
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { t } from '../../i18n/catalogue';
import { stringsFor } from '../../tab/strings';
import { startDesk, type Desk } from '../support/desk';
import { startEntraPeer, type EntraPeer } from '../support/entra-peer';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { openInTeamsHost, type HostContext } from '../support/teams-host';
import { cardVerbs, DANA, GENERAL, LEE, TEAM, TENANT_ID } from '../support/teams-client';
import { until } from '../support/until';
import { launchChromium, type LaunchedChromium } from './support/browser';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AXE = join(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const TAB_APP_ID = '00000000-0000-0000-0000-0000000000ab';
const WAIT_MS = 20_000;
const { s } = stringsFor('en');
// teamsDarkTheme's colorNeutralBackground1 (#292929), as the browser computes it.
const DARK_BACKGROUND = 'rgb(41, 41, 41)';
const EVERYONE = ['Fabrikam Logistics', '한빛제약 주식회사', 'Northwind Traders', 'Tailspin Toys'];
jest.setTimeout(180_000);

type Root = Page | FrameLocator;

describe('the pipeline tab in Chromium', () => {
  let store: TestStore;
  let entra: EntraPeer;
  let desk: Desk;
  let browser: LaunchedChromium;

  /** One referral through the intake API, received now, posted as its card in General. */
  const intake = async (key: string, customer: string, where: { size?: string; region?: string } = {}) => {
    const base = sampleReferralJson(key);
    const profile = base['customerProfile'] as Record<string, unknown>;
    const address = { ...(profile['address'] as object), ...(where.region ? { region: where.region } : {}) };
    const { status, id } = await postReferral(desk.service, {
      ...base,
      createdDateTime: new Date().toISOString(),
      customerProfile: { ...profile, name: customer, size: where.size ?? profile['size'], address },
    });
    expect(status).toBe(201);
    await desk.peer.waitFor(() => desk.peer.threadsWith(id).length === 1);
    return id;
  };

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    store = await startTestStore();
    entra = await startEntraPeer();
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 } });
  });
  // Each way gets a desk of its own: its referrals, its channel cards, its connector peer.
  beforeEach(async () => {
    desk = await startDesk(store, {
      env: { TAB_APP_ID, ENTRA_AUTHORITY_HOST: entra.url, ALLOWED_TENANT_IDS: TENANT_ID },
    });
    await desk.teams.installInTeam(DANA);
  });
  afterEach(async () => {
    await desk?.stop();
  });
  afterAll(async () => {
    await browser?.close();
    await entra?.close();
    await store?.stop();
  });

  const threeReferrals = async (prefix: string) => ({
    fabrikam: await intake(`${prefix}-fabrikam`, 'Fabrikam Logistics'),
    hanbit: await intake(`${prefix}-hanbit`, '한빛제약 주식회사'),
    northwind: await intake(`${prefix}-northwind`, 'Northwind Traders', { size: '1to9employees' }),
    tailspin: await intake(`${prefix}-tailspin`, 'Tailspin Toys', { region: 'EMEA' }),
  });
  /** What the page's Content Security Policy refused, as Chromium reports it on the console. */
  const refusals = (page: Page) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    return refused;
  };
  const backgroundOf = (locator: Locator) =>
    locator.evaluate(
      (element) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }
        ).getComputedStyle(element).backgroundColor,
    );

  const customersShown = async (root: Root) =>
    JSON.stringify(
      (await root.getByRole('table').getByRole('cell').getByRole('button').allInnerTexts()).sort(),
    );
  /** Dana in the team's General channel, as the Teams stand-in's context says. */
  const DANA_IN_GENERAL: HostContext = {
    locale: 'en-US',
    theme: 'default',
    userObjectId: DANA.aadObjectId,
    userDisplayName: DANA.name,
    tid: TENANT_ID,
    teamId: TEAM.id,
    teamName: TEAM.name,
    channelId: GENERAL.id,
    channelName: GENERAL.name,
    entityId: 'pipeline',
  };
  /** Her Entra token for the tab, as Teams' SSO hands it over. */
  const danaToken = () =>
    entra.sign(
      { tid: TENANT_ID, oid: DANA.aadObjectId, name: DANA.name },
      { appId: TAB_APP_ID, host: 'localhost' },
    );
  /** Every list call `page` (or a frame of it) makes from now on. */
  const listCallsOf = (page: Page) => {
    const calls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/tab/referrals')) calls.push(request.url());
    });
    return calls;
  };
  const waitForCustomers = (root: Root, customers: string[]) =>
    until(() => customersShown(root), JSON.stringify([...customers].sort()), WAIT_MS);

  /** Search, a filter, Accept and the CSV, as a person does them, in whichever page the tab is. */
  async function exercise(
    page: Page,
    root: Root,
    ids: Record<'fabrikam' | 'hanbit' | 'northwind' | 'tailspin', string>,
  ) {
    await waitForCustomers(root, EVERYONE);
    await root.getByLabel(s('search.label')).fill('fabrikam');
    await waitForCustomers(root, ['Fabrikam Logistics']);
    await root.getByLabel(s('search.label')).fill('');
    await waitForCustomers(root, EVERYONE);

    await root.getByLabel(s('filter.size')).selectOption({ label: t('en', 'size.1to9employees') });
    await waitForCustomers(root, ['Northwind Traders']);
    await root.getByRole('button', { name: s('filter.clear') }).click();
    await waitForCustomers(root, EVERYONE);
    await root.getByLabel(s('filter.region')).fill('emea');
    await waitForCustomers(root, ['Tailspin Toys']);
    await root.getByRole('button', { name: s('filter.clear') }).click();
    await waitForCustomers(root, EVERYONE);

    // Accept from the tab: the detail's form, then the channel card turns Active for everyone.
    const updatesBefore = desk.peer.updates.length;
    await root.getByRole('table').getByRole('button', { name: 'Fabrikam Logistics' }).click();
    const detail = root.getByRole('complementary', {
      name: s('detail.label', { customer: 'Fabrikam Logistics' }),
    });
    await detail.getByRole('button', { name: s('action.accept'), exact: true }).click();
    const form = detail.getByRole('form', { name: s('action.accept') });
    await form.getByLabel(t('en', 'field.value')).fill('-5');
    await form.getByRole('button', { name: s('action.submit') }).click();
    // A wrong value: its message under the field, what was typed kept, nothing changed.
    await form.getByText(t('en', 'error.negative')).first().waitFor();
    expect(await form.getByLabel(t('en', 'field.value')).inputValue()).toBe('-5');
    await form.getByLabel(t('en', 'field.value')).fill('150000');
    await form
      .getByLabel(t('en', 'field.purchaseTimeframe'))
      .selectOption({ label: t('en', 'timeframe.3-6-months') });
    await form.getByRole('button', { name: s('action.submit') }).click();
    await detail.getByText(s('action.done')).waitFor();
    await until(async () => (await desk.service.referrals.load(ids.fabrikam))?.status, 'Active', WAIT_MS);
    await desk.peer.waitFor(() =>
      desk.peer.updates.slice(updatesBefore).some((u) => JSON.stringify(u).includes(ids.fabrikam)),
    );
    const card = desk.peer.updates.filter((u) => JSON.stringify(u).includes(ids.fabrikam)).at(-1);
    expect(cardVerbs(card)).toEqual(expect.arrayContaining(['won', 'lost']));
    expect(cardVerbs(card)).not.toContain('accept');
    await waitForCustomers(root, ['한빛제약 주식회사', 'Northwind Traders', 'Tailspin Toys']);

    // The CSV of what the list shows (the inbox): UTF-8 with a BOM, the Korean name intact.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      root.getByRole('button', { name: s('export.csv') }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true })
      .decode(bytes.subarray(3))
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toMatch(/^Referral ID,Creation Date,/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual([ids.hanbit, ids.northwind, ids.tailspin].sort());
    expect(lines.join('\n')).toContain('한빛제약 주식회사');
  }

  /**
   * axe-core in the tab's own document; only serious and critical findings fail. Tabster's focus sentinels (the
   * `<i data-tabster-dummy aria-hidden tabindex=0>` Fluent UI's tab lists put around their tabs, which pass focus
   * on at once) are a known false positive of aria-hidden-focus (microsoft/tabster#288; Accessibility Insights
   * suppresses them, microsoft/accessibility-insights-web#7605), so those nodes are left out, nothing else.
   */
  async function seriousViolations(target: { evaluate(script: string): Promise<unknown> }) {
    await target.evaluate(await readFile(AXE, 'utf8'));
    const found = (await target.evaluate(
      `axe.run(document, { resultTypes: ['violations'], elementRef: true }).then((result) =>
        result.violations
          .map((v) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes
              .filter((n) => !(v.id === 'aria-hidden-focus' && n.element && n.element.hasAttribute('data-tabster-dummy')))
              .map((n) => n.target.join(' ')),
          }))
          .filter((v) => v.nodes.length > 0))`,
    )) as { id: string; impact: string; nodes: string[] }[];
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  it('works standalone in local mode at /tab: pick a person, search, filter, accept, export', async () => {
    const ids = await threeReferrals('standalone');
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const cspErrors = refusals(page);
    await page.goto(`${desk.service.url}/tab?lang=en`);
    await page.getByLabel(s('signIn.person')).selectOption({ label: DANA.name });
    await page.getByRole('button', { name: s('signIn.submit') }).click();
    await page.getByText(s('signIn.signedInAs', { name: DANA.name })).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'tab-01-standalone-inbox.png') });
    await exercise(page, page, ids);
    await page.screenshot({ path: join(ARTIFACTS, 'tab-02-standalone-accepted.png') });

    // Someone else accepts Northwind while its pane is open: Decline from the tab says who acted first.
    await page.getByRole('table').getByRole('button', { name: 'Northwind Traders' }).click();
    const pane = page.getByRole('complementary', {
      name: s('detail.label', { customer: 'Northwind Traders' }),
    });
    await pane.getByRole('button', { name: s('action.decline'), exact: true }).click();
    const accepted = await desk.service.referrals.apply(
      ids.northwind,
      {
        type: 'accept',
        input: {
          engagementName: 'Northwind',
          value: '5000',
          currency: 'USD',
          purchaseTimeframe: '1-3-months',
        },
      },
      { kind: 'user', id: LEE.aadObjectId, name: LEE.name },
    );
    expect(accepted.status).toBe('applied');
    const decline = pane.getByRole('form', { name: s('action.decline') });
    await decline
      .getByLabel(t('en', 'field.reason'))
      .selectOption({ label: t('en', 'reason.not-a-customer') });
    await decline.getByRole('button', { name: s('action.submit') }).click();
    const alert = decline.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(LEE.name);
    expect((await desk.service.referrals.load(ids.northwind))?.status).toBe('Active');
    await page.screenshot({ path: join(ARTIFACTS, 'tab-03-standalone-stale.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: s('view.insights') }).click();
    await page.getByRole('img', { name: s('insights.funnel') }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'tab-03b-standalone-insights.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // Korean when asked (standalone: ?lang=, else the browser's language), the person kept for the session.
    await page.goto(`${desk.service.url}/tab?lang=ko`);
    const ko = stringsFor('ko');
    await page.getByRole('tab', { name: `${ko.s('state.inbox')} (2)` }).waitFor();
    await page.getByLabel(ko.s('search.label')).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'tab-08-standalone-ko.png') });
    // Styles are inserted at run time (allowed); scripts only from the service: nothing refused.
    expect(cspErrors).toEqual([]);
    await page.close();
  });

  it('draws the first page before the app has loaded, in the browser’s language and zone, and opens a row clicked meanwhile', async () => {
    await threeReferrals('first-page');
    // A browser in Seoul: the rows' times come back written in its zone, by the service.
    const seoul = await launchChromium({ viewport: { width: 1400, height: 1000 }, timezoneId: 'Asia/Seoul' });
    try {
      const page = await seoul.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const cspErrors = refusals(page);
      await page.goto(`${desk.service.url}/tab?lang=en`);
      await page.getByLabel(s('signIn.person')).selectOption({ label: DANA.name });
      await page.getByRole('button', { name: s('signIn.submit') }).click();
      await waitForCustomers(page, EVERYONE);

      // The next visit, with the app's script held back: what shows is the page's first script's work alone.
      let releaseApp = () => {};
      const appHeld = new Promise<void>((done) => (releaseApp = done));
      const appRequests: string[] = [];
      await page.route(/\/tab\/assets\/tab-[^/]+\.js$/, async (route) => {
        appRequests.push(route.request().url());
        await appHeld;
        await route.continue();
      });
      await page.goto(`${desk.service.url}/tab?lang=ko`);
      const ko = stringsFor('ko');
      const firstPage = page.locator('section.first-page');
      await waitForCustomers(page, EVERYONE);
      expect(await firstPage.getByRole('columnheader').allInnerTexts()).toContain(ko.s('column.customer'));
      const hanbit = await firstPage.getByRole('row', { name: /한빛제약/ }).innerText();
      expect(hanbit).toMatch(/\d{1,2}월 \d{1,2}일 \d\d:\d\d KST/);
      expect(await page.getByRole('tablist').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'tab-09-first-page.png') });

      // A row clicked before the app is up is the one it opens.
      await firstPage.getByRole('button', { name: 'Northwind Traders' }).click();
      releaseApp();
      await page
        .getByRole('complementary', { name: ko.s('detail.label', { customer: 'Northwind Traders' }) })
        .waitFor();
      expect(appRequests).toHaveLength(1);
      expect(cspErrors).toEqual([]);
    } finally {
      await seoul.close();
    }
  });

  it('comes with its first rows on a later visit (no list call), and with none once signed out', async () => {
    await threeReferrals('carried');
    const fresh = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    try {
      const page = await fresh.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const cspErrors = refusals(page);
      await page.goto(`${desk.service.url}/tab?lang=en`);
      const kept = page.waitForResponse((response) => response.url().endsWith('/api/tab/page-session'));
      await page.getByLabel(s('signIn.person')).selectOption({ label: DANA.name });
      await page.getByRole('button', { name: s('signIn.submit') }).click();
      await waitForCustomers(page, EVERYONE);
      expect((await kept).status()).toBe(200);

      const listCalls = listCallsOf(page);
      await page.goto(`${desk.service.url}/tab?lang=en`);
      await waitForCustomers(page, EVERYONE);
      expect(await page.locator('meta[name="referral-desk-first-list"]').count()).toBe(1);
      // The app takes the page's answer over too: the table it draws asked the service for nothing.
      await page.getByRole('tablist').first().waitFor();
      await waitForCustomers(page, EVERYONE);
      expect(listCalls).toEqual([]);

      const forgotten = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/tab/page-session') && response.request().method() === 'DELETE',
      );
      await page.getByRole('button', { name: s('signIn.switch') }).click();
      expect((await forgotten).status()).toBe(204);
      await page.goto(`${desk.service.url}/tab?lang=en`);
      await page.getByLabel(s('signIn.person')).waitFor();
      expect(await page.locator('meta[name="referral-desk-first-list"]').count()).toBe(0);
      expect(await page.locator('#referral-desk-first-page').count()).toBe(0);
      expect(cspErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('comes with its first rows inside Teams too, for the person the tab’s address names', async () => {
    await threeReferrals('carried-hosted');
    const fresh = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    try {
      const token = await danaToken();
      const visit = async () => {
        const page = await fresh.newPage();
        page.setDefaultTimeout(WAIT_MS);
        const listCalls = listCallsOf(page);
        const kept = page.waitForResponse((response) => response.url().endsWith('/api/tab/page-session'));
        const host = await openInTeamsHost(page, desk.service.url, {
          // As Teams fills the manifest's placeholders in.
          tabPath: `/tab?team=${encodeURIComponent(TEAM.id)}&viewer=${DANA.aadObjectId}&lang=en-us&theme=default`,
          token,
          context: DANA_IN_GENERAL,
        });
        await waitForCustomers(host.tab, EVERYONE);
        expect((await kept).status()).toBe(200);
        const carried = await host.tab.locator('meta[name="referral-desk-first-list"]').count();
        await page.close();
        return { carried, listCalls };
      };
      // The first visit asks for its rows once the host has given the token; the next one has them in its page.
      const first = await visit();
      expect(first.carried).toBe(0);
      expect(first.listCalls).toHaveLength(1);
      expect(await visit()).toEqual({ carried: 1, listCalls: [] });
    } finally {
      await fresh.close();
    }
  });

  it('works inside Teams: initialize, context, SSO, a deep link to a referral, openLink, the theme change', async () => {
    const ids = await threeReferrals('hosted');
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const cspErrors = refusals(page);
    const token = await danaToken();
    const host = await openInTeamsHost(page, desk.service.url, {
      tabPath: `/tab?team=${encodeURIComponent(TEAM.id)}`,
      token,
      context: {
        ...DANA_IN_GENERAL,
        // A card's "Open in pipeline": Teams hands the tab the referral as the sub-entity.
        subEntityId: ids.northwind,
      },
    });
    const root = host.tab;
    const opened = root.getByRole('complementary', {
      name: s('detail.label', { customer: 'Northwind Traders' }),
    });
    await opened.getByRole('link', { name: s('list.openThread') }).click();
    await until(async () => (await host.record()).openedLinks.length, 1, WAIT_MS);
    const record = await host.record();
    expect(record.openedLinks[0]).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/message\//);
    expect(record.calls).toEqual(
      expect.arrayContaining([
        'initialize',
        'getContext',
        'authentication.getAuthToken',
        'appInitialization.success',
      ]),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'tab-04-hosted-deep-link.png') });

    await exercise(page, root, ids);
    expect(await seriousViolations(host.frame())).toEqual([]);

    const provider = root.locator('.fui-FluentProvider').first();
    const exportButton = root.getByRole('button', { name: s('export.csv') });
    expect(await backgroundOf(provider)).toBe('rgb(255, 255, 255)');
    await page.mouse.move(0, 0); // off the last button clicked, which would show its hover colour
    await host.changeTheme('dark');
    await until(() => backgroundOf(provider), DARK_BACKGROUND, WAIT_MS);
    // The controls too, once their colour transition has run.
    await until(() => backgroundOf(exportButton), DARK_BACKGROUND, WAIT_MS);
    await page.screenshot({ path: join(ARTIFACTS, 'tab-05-hosted-dark.png') });
    expect(await seriousViolations(host.frame())).toEqual([]);

    // High contrast: Teams' theme makes every palette colour one cyan; the funnel's four bars stay apart.
    await host.changeTheme('contrast');
    await until(() => backgroundOf(provider), 'rgb(0, 0, 0)', WAIT_MS);
    await root.getByRole('tab', { name: s('view.insights') }).click();
    const funnel = root.getByRole('img', { name: s('insights.funnel') });
    await funnel.waitFor();
    const fills = await funnel
      .locator('rect')
      .evaluateAll((rects) =>
        rects.map(
          (rect) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(
              rect,
            ).fill,
        ),
      );
    expect(fills).toHaveLength(4);
    expect(new Set(fills).size).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'tab-06-hosted-contrast-insights.png') });
    expect(await seriousViolations(host.frame())).toEqual([]);
    // teams-js asks a Microsoft CDN for its list of Teams origins when it loads; the CSP refuses it and teams-js
    // uses the list it ships with. Nothing else is refused.
    expect(cspErrors.filter((text) => !text.includes('res.cdn.office.net/teams-js/validDomains'))).toEqual(
      [],
    );
    await page.close();
  });

  it('configures the channel tab: this channel, saved as Teams asks', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const host = await openInTeamsHost(page, desk.service.url, {
      tabPath: '/tab/config',
      token: await entra.sign(
        { tid: TENANT_ID, oid: DANA.aadObjectId },
        { appId: TAB_APP_ID, host: 'localhost' },
      ),
      context: {
        locale: 'en-US',
        theme: 'default',
        frameContext: 'settings',
        userObjectId: DANA.aadObjectId,
        tid: TENANT_ID,
        teamId: TEAM.id,
        channelId: GENERAL.id,
      },
    });
    await host.tab.getByRole('radio', { name: s('config.channel') }).check();
    await until(async () => (await host.record()).calls.includes('settings.setValidityState'), true, WAIT_MS);
    await host.save();
    await until(async () => (await host.record()).calls.includes('settings.save.success'), true, WAIT_MS);
    const [saved, ...more] = (await host.record()).savedConfigs;
    expect(more).toEqual([]);
    expect(saved).toMatchObject({ entityId: 'pipeline', suggestedDisplayName: 'Pipeline' });
    const contentUrl = new URL(String(saved?.['contentUrl']));
    expect(contentUrl.origin + contentUrl.pathname).toBe(`${desk.service.url}/tab`);
    // Teams fills the placeholders in; a browser opening the website address gets none.
    expect(Object.fromEntries(contentUrl.searchParams)).toEqual({
      team: TEAM.id,
      channel: GENERAL.id,
      viewer: '{userObjectId}',
      lang: '{locale}',
      theme: '{theme}',
    });
    expect(String(saved?.['websiteUrl'])).toBe(contentUrl.href.slice(0, contentUrl.href.indexOf('&viewer=')));
    await page.screenshot({ path: join(ARTIFACTS, 'tab-07-config.png') });
    expect(await seriousViolations(host.frame())).toEqual([]);
    await page.close();
  });
});
