/**
 * Text from outside (a referral, Partner Center, anything a person typed) must show exactly as written. Teams and
 * the Adaptive Cards renderers read a TextBlock's text (and a fact's title and value) as markdown, some with HTML,
 * and turn anything that looks like an address into a link. So every such text is escaped here, once, for every
 * card: markdown and HTML characters get a backslash (CommonMark shows the character itself), and a word joiner
 * (U+2060, invisible) goes inside "://" and before each dot of a domain, so nothing is linked. The card's own
 * @mentions (`<at>Name</at>`, listed in `msteams.entities`) are the one markup kept.
 */
export function makeCardTextInert(card: Record<string, unknown>): Record<string, unknown> {
  const mentions = new Set(mentionTexts(card));
  walk(card, mentions);
  return card;
}

const WORD_JOINER = '\u2060';
// Characters that start markdown or HTML anywhere in a line.
const INLINE_MARKUP = /[\\`*_[\]()<>#!|~&{}]/g;
// Characters that start a block (list, quote, heading) only at the start of a line.
const LINE_START_MARKUP = /^(\s*)([-+=]|\d+(?=[.)]))/gm;
// Markdown joins lines one break apart into one; a blank line between them is the break every renderer keeps.
const LINE_BREAK = /\r\n?|\n/g;
// A domain, an email's domain, or a dotted number: linkers need its dots.
const DOTTED = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

// Anything one of the rules above would change; most texts on a card (a name, a status, a count) have none of it.
const ANY_MARKUP = /[\\`*_[\]()<>#!|~&{}\r\n.]|:\/\/|^\s*[-+=]/;

/** `text` as it should read, with no markdown, HTML or link in it. */
export function inertMarkdown(text: string): string {
  if (!ANY_MARKUP.test(text)) return text;
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(LINE_START_MARKUP, (_whole, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    )
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(DOTTED, (dotted) => dotted.replace(/\./g, `${WORD_JOINER}.`))
    .replace(LINE_BREAK, '\n\n');
}

function inertKeepingMentions(text: string, mentions: Set<string>): string {
  if (mentions.size === 0) return inertMarkdown(text);
  const tokens = [...mentions].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const split = new RegExp(`(${tokens.join('|')})`, 'g');
  return text
    .split(split)
    .map((part) => (mentions.has(part) ? part : inertMarkdown(part)))
    .join('');
}

function walk(node: unknown, mentions: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, mentions);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element['type'] === 'TextBlock' && typeof element['text'] === 'string')
    element['text'] = inertKeepingMentions(element['text'], mentions);
  if (element['type'] === 'FactSet' && Array.isArray(element['facts'])) {
    for (const fact of element['facts'] as Record<string, unknown>[]) {
      for (const key of ['title', 'value'])
        if (typeof fact[key] === 'string') fact[key] = inertMarkdown(fact[key]);
    }
  }
  for (const key in element) {
    const value = element[key];
    if (key !== 'msteams' && value !== null && typeof value === 'object') walk(value, mentions);
  }
}

function mentionTexts(card: Record<string, unknown>): string[] {
  const entities = (card['msteams'] as { entities?: { type?: string; text?: unknown }[] } | undefined)
    ?.entities;
  return (entities ?? [])
    .filter((entity) => entity.type === 'mention' && typeof entity.text === 'string')
    .map((entity) => entity.text as string);
}

/**
 * An @mention of a person: `<at>Name</at>` in a text, and the entity Teams needs to notify them. The name is
 * outside text, so nothing in it may close the tag.
 */
export function mentionOf(person: { id: string; name: string }) {
  const name = person.name.replace(/[<>]/g, '');
  return { id: person.id, name, text: `<at>${name}</at>` };
}

/** A card template's `msteams` part: the entity of every mention in the view-model's `mentions` (from `mentionOf`). */
export const MENTION_ENTITIES = {
  entities: [
    { $data: '${mentions}', type: 'mention', text: '${text}', mentioned: { id: '${id}', name: '${name}' } },
  ],
};
