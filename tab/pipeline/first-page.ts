// The first page of rows, drawn by the page's first script (head-start.ts) from the list's early answer, before
// React and Fluent UI have loaded: they take a few hundred milliseconds to run and draw, the answer a few tens. It
// is plain DOM, every outside text set as text, and it can be used at once: a row's button clicked before the app
// is up is remembered, and the app opens that referral when it starts. The app takes the drawn page over until its
// own table is drawn (pipeline.tsx), so nothing blinks in between.
import type { Filters, ReferralPage } from '../api/types';
import type { Words } from '../words';
import { pageRange, rowTexts, tableCaption } from './row-texts';

const COLUMNS = ['customer', 'received', 'due', 'value', 'owner', 'channel'] as const;

/** A first page drawn and not yet taken over by the app. */
export interface FirstPage {
  element: HTMLElement;
  /** From now on its clicks go to `onSelect`; one made before is passed on at once. */
  handOver(onSelect: (id: string) => void): void;
}

// The page's first script is a bundle of its own: the page it drew reaches the app through one global.
const shared = globalThis as { referralDeskFirstPage?: FirstPage };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

/** Draws `page` into `container` as the table the app will draw; nothing when the page is empty. */
export function drawFirstPage(container: HTMLElement, words: Words, filters: Filters, page: ReferralPage) {
  if (page.items.length === 0) return;
  const { s } = words;
  const section = element('section', undefined, 'first-page');
  const table = element('table');
  table.setAttribute('aria-label', tableCaption(words, filters));
  const headers = element('tr');
  for (const column of COLUMNS) {
    const header = element('th', s(`column.${column}`));
    header.scope = 'col';
    headers.append(header);
  }
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(headers);
  let chosen: string | undefined;
  let choose = (id: string) => {
    chosen = id;
    for (const row of table.tBodies[0]!.rows)
      row.setAttribute('aria-selected', String(row.dataset.id === id));
  };
  for (const row of page.items) {
    const texts = rowTexts(words, filters, row);
    const tr = element('tr');
    tr.dataset.id = row.id;
    tr.setAttribute('aria-selected', 'false');
    const button = element('button');
    button.type = 'button';
    if (texts.isHot) {
      const flame = element('span', '🔥 ');
      flame.setAttribute('aria-hidden', 'true');
      button.append(flame, element('span', `${s('list.hot')}: `, 'visually-hidden'));
    }
    button.append(texts.customer);
    button.addEventListener('click', () => choose(row.id));
    const first = element('td');
    first.append(button, element('div', texts.about, 'about'));
    tr.append(first);
    for (const text of [texts.received, texts.due, texts.value, texts.owner, texts.channel])
      tr.append(element('td', text));
    table.tBodies[0]!.append(tr);
  }
  section.append(table, element('p', pageRange(words, page), 'range'));
  container.append(section);
  shared.referralDeskFirstPage = {
    element: section,
    handOver(onSelect) {
      choose = onSelect;
      if (chosen) onSelect(chosen);
    },
  };
}

/** The drawn first page, once, for the app to show until its own table is drawn. */
export function takeFirstPage(): FirstPage | undefined {
  const taken = shared.referralDeskFirstPage;
  shared.referralDeskFirstPage = undefined;
  return taken;
}
