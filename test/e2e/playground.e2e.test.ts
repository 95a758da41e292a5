// End to end in a real Teams client: the Microsoft 365 Agents Playground, driven in Debian's Chromium.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startPlayground, type RunningPlayground } from '../../app/playground';
import type { RunningService } from '../../app/start-service';
import { t } from '../../i18n/catalogue';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { memoryLogger, startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';
import { until } from '../support/until';
import { launchChromium, type LaunchedChromium } from './support/browser';
import { openPlayground } from './support/playground-page';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

const WAIT_MS = 20_000;
jest.setTimeout(120_000);

describe('Referral Desk in the Agents Playground', () => {
  let store: TestStore;
  let service: RunningService;
  let playground: RunningPlayground;
  let browser: LaunchedChromium;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  const intake = async (externalId: string, customer: string, overrides: Record<string, unknown> = {}) => {
    const base = sampleReferralJson(externalId);
    const { status, id } = await postReferral(service, {
      ...base,
      customerProfile: { ...(base['customerProfile'] as object), name: customer },
      ...overrides,
    });
    expect(status).toBe(201);
    return id;
  };
  /** The newest card in view that mentions `text`. */
  const cardWith = (text: string): Locator =>
    page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  /** Picks an option in an Adaptive Card choice set (the Playground renders a Fluent UI combobox). */
  const choose = async (card: Locator, label: string, option: string) => {
    await card.getByRole('combobox', { name: label }).first().click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const submit = async (card: Locator, title: string) =>
    card.getByRole('button', { name: title, exact: true }).click();

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    store = await startTestStore();
    service = await startTestService(store.uri, { local: true, database: 'e2e' });
    playground = await startPlayground({
      botEndpoint: `${service.url}/api/messages`,
      port: 56190,
      cwd: join(__dirname, '..', '..'),
      log: memoryLogger().log,
    });
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(playground.url);
    await page.getByText('General', { exact: true }).first().click();
    // Opening the channel installs the bot there; the card sweep can then post into it.
    await until(async () => (await service.stores.conversations.listChannels()).length, 1, WAIT_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
    await store?.stop();
  });

  it('shows a new RFI in General, accepts it from the card, then wins it', async () => {
    const id = await intake('e2e-accept', 'Contoso Pharma Korea');
    const card = cardWith('Contoso Pharma Korea');
    await card.getByRole('button', { name: t('en', 'form.accept.title'), exact: true }).waitFor();
    await shot('01-new-rfi-card');

    await submit(card, t('en', 'form.accept.title'));
    await card.getByLabel(t('en', 'field.engagementName')).fill('Contoso landing zone');
    await card.getByLabel(t('en', 'field.value'), { exact: false }).first().fill('150000');
    await choose(card, t('en', 'field.purchaseTimeframe'), t('en', 'timeframe.3-6-months'));
    await shot('02-accept-form');
    await submit(card, t('en', 'form.accept.submit'));
    await cardWith('Contoso landing zone')
      .getByRole('button', { name: t('en', 'form.won.title'), exact: true })
      .waitFor();
    await shot('03-accepted-active');
    await until(async () => (await service.referrals.load(id))?.status, 'Active', WAIT_MS);

    const active = cardWith('Contoso landing zone');
    await submit(active, t('en', 'form.won.title'));
    await submit(active, t('en', 'form.won.submit'));
    await until(async () => (await service.referrals.load(id))?.substatus, 'Won', WAIT_MS);
    await cardWith('Contoso landing zone')
      .getByText(t('en', 'substatus.Won'), { exact: true })
      .first()
      .waitFor();
    await shot('04-won-archived');
    expect(service.directory.get(id)?.substatus).toBe('Won');
  });

  it('keeps typed values and shows the message when Accept is invalid, and declines with a reason', async () => {
    const id = await intake('e2e-decline', 'Fabrikam Logistics');
    const card = cardWith('Fabrikam Logistics');
    await submit(card, t('en', 'form.accept.title'));
    await card.getByLabel(t('en', 'field.value'), { exact: false }).first().fill('-5');
    await submit(card, t('en', 'form.accept.submit'));
    const invalid = cardWith(t('en', 'error.negative'));
    await invalid.waitFor();
    expect(await invalid.getByLabel(t('en', 'field.value'), { exact: false }).first().inputValue()).toBe(
      '-5',
    );
    await shot('05-accept-invalid');
    expect((await service.referrals.load(id))?.status).toBe('New');

    // The form came back with its message; the card's other actions are still there.
    const fresh = cardWith('Fabrikam Logistics');
    await submit(fresh, t('en', 'form.decline.title'));
    await choose(fresh, t('en', 'field.reason'), t('en', 'reason.requirement-not-met'));
    await submit(fresh, t('en', 'form.decline.submit'));
    await until(async () => (await service.referrals.load(id))?.substatus, 'Declined', WAIT_MS);
    await shot('06-declined');
  });

  it('shows the flame alert on a contact-me RFI', async () => {
    const base = sampleReferralJson('e2e-flame');
    await intake('e2e-flame', 'Northwind Traders', {
      details: { ...(base['details'] as object), customerRequestedContact: true },
    });
    await cardWith('Northwind Traders').getByText(t('en', 'flame.hot.title')).waitFor();
    await shot('07-flame-alert');
  });

  it('shows phishing text in a referral and in a form as plain text: no link to it, no image from it', async () => {
    const bait = 'Tailwind Traders [Verify here](https://phish.example/login)';
    const base = sampleReferralJson('e2e-phish');
    await intake('e2e-phish', bait, {
      details: {
        ...(base['details'] as object),
        notes:
          '# Urgent\n- **Sign in** at [Open in Partner Center](https://phish.example/pc) <img src=x onerror=alert(1)>',
      },
    });
    const card = cardWith('Tailwind Traders');
    await card.getByRole('button', { name: t('en', 'form.accept.title'), exact: true }).waitFor();
    // As a person reads it: the invisible word joiners that keep the address from being linked do not show.
    const seen = async (locator: Locator) => (await locator.innerText()).replace(/\u2060/g, '');
    expect(await seen(card)).toContain(bait);
    // Line by line, as the customer wrote it.
    expect(await seen(card)).toMatch(
      /# Urgent\n+- \*\*Sign in\*\* at \[Open in Partner Center\]\(https:\/\/phish\.example\/pc\)/,
    );
    await submit(card, t('en', 'form.accept.title'));
    await card.getByLabel(t('en', 'field.engagementName')).fill('Tailwind [click](javascript:alert(1))');
    await card.getByLabel(t('en', 'field.value'), { exact: false }).first().fill('1000');
    await choose(card, t('en', 'field.purchaseTimeframe'), t('en', 'timeframe.3-6-months'));
    await card.getByLabel(t('en', 'field.notes')).first().fill('<img src=x onerror=alert(2)> **bold**');
    await submit(card, t('en', 'form.accept.submit'));
    const active = cardWith('Tailwind [click](javascript:alert(1))');
    await active.getByRole('button', { name: t('en', 'form.won.title'), exact: true }).waitFor();
    await shot('10-phishing-inert');
    const attributes = async (selector: string, name: string) =>
      Promise.all((await page.locator(selector).all()).map((el) => el.getAttribute(name)));
    const found = {
      links: (await attributes('a', 'href')).filter((href) => /phish|javascript:/i.test(href ?? '')),
      images: await attributes('.ac-adaptiveCard img', 'src'),
      markup: await page.locator('.ac-adaptiveCard').locator('strong, b, em, h1, h2, li').allInnerTexts(),
    };
    expect(found).toEqual({ links: [], images: [], markup: [] });
    expect(await seen(active)).toContain('<img src=x onerror=alert(2)> **bold**');
  });

  it('answers `active` and `help` in personal chat', async () => {
    const id = await intake('e2e-active', 'Tailspin Toys');
    const accepted = await service.referrals.apply(
      id,
      {
        type: 'accept',
        input: {
          engagementName: 'Tailspin rollout',
          value: '80000',
          currency: 'USD',
          purchaseTimeframe: '1-3-months',
        },
      },
      { kind: 'user', id: 'aad-minji', name: 'Minji Seo' },
    );
    expect(accepted.status).toBe('applied');
    const playgroundPage = await openPlayground(page, playground.url);
    await playgroundPage.openPersonalChat();
    const say = (text: string) => playgroundPage.sendMessage(text);
    await say('active');
    await cardWith(t('en', 'list.active.title')).getByText('Tailspin rollout').first().waitFor();
    await shot('08-personal-active');
    await say('help');
    await cardWith(t('en', 'help.intro')).waitFor();
    await shot('09-personal-help');
  });
});
