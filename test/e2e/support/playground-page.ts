import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts');

/** What the Playground was started with (`.m365agentsplayground.yml`), as its UI reads it. */
export interface PlaygroundTenant {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: { id: string; name: string };
  teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
}

/**
 * Page object for the Agents Playground UI. Every step waits on something the user would see; the UI holds only
 * what arrived while the page was open (nothing is replayed on load), so open it before the bot posts.
 */
export interface PlaygroundPage {
  page: Page;
  tenant: PlaygroundTenant;
  /** The team's channel (General by default); the first visit makes the Playground install the bot there. */
  openTeamChannel(channelName?: string): Promise<void>;
  openPersonalChat(): Promise<void>;
  /** In a chat: a message to the bot. In a channel: a new post that @mentions the bot (the only ones it gets). */
  sendMessage(text: string): Promise<void>;
  /** A reply in the channel thread whose text contains `threadText`, @mentioning the bot. */
  replyInThread(threadText: string | RegExp, text: string): Promise<void>;
  /** The newest text message from the bot containing `text` (a reply or a post; not a card). */
  waitForBotMessage(text: string | RegExp): Promise<Locator>;
  /** The newest Adaptive Card containing `text`; resolves afresh each use, so it follows a card that is updated. */
  newestCard(text: string | RegExp): Locator;
  waitForCard(text: string | RegExp): Promise<Locator>;
  fillCardInput(card: Locator, label: string, value: string): Promise<void>;
  /** Picks options of an Input.ChoiceSet (compact, single or multi-select) by their titles. */
  chooseInCard(card: Locator, label: string, ...choices: string[]): Promise<void>;
  setCardToggle(card: Locator, title: string, isOn: boolean): Promise<void>;
  clickCardButton(card: Locator, title: string): Promise<void>;
  cardText(card: Locator): Promise<string>;
  /** The bar under a card after an Action.Execute: a message response's text, an error's message, or a receipt. */
  waitForCardNotice(card: Locator, text: string | RegExp): Promise<string>;
  /** Saves test/artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

const COMPOSER = '[contenteditable="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';
const THREAD = '.fui-Card[role="group"]';

export async function openPlayground(page: Page, url: string): Promise<PlaygroundPage> {
  // The config answer waits until the bot's endpoint answers, so the UI is live once this returns.
  const response = await page.request.get(`${url}/_internal/v1/config`);
  const tenant = ((await response.json()) as { config: PlaygroundTenant }).config;
  await page.goto(url);
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
  let view: 'chat' | 'channel' = 'chat';

  const team = () => {
    const first = tenant.teams[0];
    if (!first) throw new Error('the Playground config has no team');
    return first;
  };
  const mentionBot = async () => {
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: tenant.bot.name }).click();
    await page.keyboard.insertText(' ');
  };
  const waitUntilEmpty = async (composer: Locator) => {
    await page.waitForFunction((element) => !element?.textContent?.trim(), await composer.elementHandle());
  };
  // Chats list oldest first; a channel lists its threads newest first.
  const newestOf = (cards: Locator) => (view === 'channel' ? cards.first() : cards.last());

  const playground: PlaygroundPage = {
    page,
    tenant,
    async openTeamChannel(channelName = 'General') {
      await page.getByRole('treeitem', { name: `${team().name} - ${channelName}` }).click();
      await page.getByRole('button', { name: 'Post', exact: true }).waitFor();
      view = 'channel';
    },
    async openPersonalChat() {
      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await page.getByRole('button', { name: 'Send Message' }).waitFor();
      view = 'chat';
    },
    async sendMessage(text) {
      const composer = page.locator(COMPOSER).first();
      await composer.click();
      if (view === 'channel') {
        await mentionBot();
        await page.keyboard.insertText(text);
        await page.getByRole('button', { name: 'Post', exact: true }).click();
      } else {
        await page.keyboard.insertText(text);
        await page.keyboard.press('Enter');
      }
      await waitUntilEmpty(composer);
    },
    async replyInThread(threadText, text) {
      const composer = page.locator(THREAD).filter({ hasText: threadText }).first().locator(COMPOSER);
      await composer.click();
      await mentionBot();
      await page.keyboard.insertText(text);
      await page.keyboard.press('Enter');
      await waitUntilEmpty(composer);
    },
    async waitForBotMessage(text) {
      // Bot text is drawn as markdown paragraphs; the chat list repeats the latest line in a span.
      const message = newestOf(page.getByRole('paragraph').filter({ hasText: text }));
      await message.waitFor();
      return message;
    },
    newestCard: (text) => newestOf(page.locator(CARD).filter({ hasText: text })),
    async waitForCard(text) {
      const card = playground.newestCard(text);
      await card.waitFor();
      return card;
    },
    async fillCardInput(card, label, value) {
      await card.getByLabel(label, { exact: true }).fill(value);
    },
    async chooseInCard(card, label, ...choices) {
      await card.getByRole('combobox', { name: label, exact: true }).click();
      const options = page.locator('.fui-Listbox');
      for (const choice of choices) await options.getByText(choice, { exact: true }).click();
      await page.keyboard.press('Escape');
    },
    async setCardToggle(card, title, isOn) {
      await card.getByRole('checkbox', { name: title }).setChecked(isOn);
    },
    async clickCardButton(card, title) {
      await card.getByRole('button', { name: title, exact: true }).click();
    },
    cardText: (card) => card.innerText(),
    async waitForCardNotice(card, text) {
      // The bar is drawn beside the card's panel, not inside the card.
      const notice = card.locator('xpath=../following-sibling::div').filter({ hasText: text }).first();
      await notice.waitFor();
      return (await notice.innerText()).trim();
    },
    async screenshot(name) {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
  return playground;
}
