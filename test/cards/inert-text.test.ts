import { inertMarkdown, makeCardTextInert, mentionOf } from '../../cards/inert-text';
import { readAs } from '../support/teams-client';

const PHISHING = [
  'Tailwind Traders [Verify here](https://phish.example/login)',
  '<img src=x onerror=alert(1)> **bold** [click](javascript:alert(1))',
  '# Heading\n- bullet\n1. first\n> quoted\n`code` ~~struck~~ _em_ | table |',
  'Visit www.phish.example or https://phish.example/login, mail sue@contoso.com',
  'sync give-up <id> at <HH:MM> on <day>',
];

describe('outside text on cards', () => {
  it.each(PHISHING)(
    'escapes every markdown and HTML character of %j, and reads exactly as written',
    (text) => {
      const inert = inertMarkdown(text);
      expect(readAs(inert)).toBe(text);
      // Every character that could start markup carries a backslash; nothing is left for a renderer to act on.
      expect(inert).not.toMatch(/(^|[^\\])[[\]()<>*_`#!|~&]/);
      expect(inert).not.toMatch(/:\/\//);
      expect(inert).not.toMatch(/\b[a-z]+\.[a-z]+/i);
    },
  );

  it('escapes list and heading markers only where they start a line, so ordinary text stays plain', () => {
    expect(inertMarkdown('- item\n  + more\n3. third')).toBe('\\- item\n\n  \\+ more\n\n3\\. third');
    expect(inertMarkdown('co-sell in 3-6 months')).toBe('co-sell in 3-6 months');
  });

  it('makes the text of every TextBlock and fact inert, in nested cards too, and keeps the card’s own mentions', () => {
    const owner = mentionOf({ id: 'aad-dana', name: 'Dana <b>Kim</b>' });
    const card = makeCardTextInert({
      type: 'AdaptiveCard',
      msteams: {
        entities: [{ type: 'mention', text: owner.text, mentioned: { id: owner.id, name: owner.name } }],
      },
      body: [
        { type: 'TextBlock', text: `For ${owner.text}: **call** [now](https://x.example)` },
        { type: 'FactSet', facts: [{ title: 'Contact', value: 'sue@contoso.com' }] },
        { type: 'Input.Text', id: 'notes', value: '**as typed**' },
      ],
      actions: [
        {
          type: 'Action.ShowCard',
          title: '[Decline]',
          card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '<script>' }] },
        },
      ],
    });
    expect(owner.text).toBe('<at>Dana bKim/b</at>');
    const body = card['body'] as Record<string, unknown>[];
    expect(body[0]!['text']).toBe(
      `For ${owner.text}: \\*\\*call\\*\\* \\[now\\]\\(https:\u2060//x\u2060.example\\)`,
    );
    expect((body[1]!['facts'] as Record<string, string>[])[0]!['value']).toBe('sue@contoso\u2060.com');
    // Inputs keep what was typed, and titles are plain text already.
    expect(body[2]!['value']).toBe('**as typed**');
    const action = (card['actions'] as Record<string, unknown>[])[0]!;
    expect(action['title']).toBe('[Decline]');
    expect(
      ((action['card'] as Record<string, unknown>)['body'] as Record<string, unknown>[])[0]!['text'],
    ).toBe('\\<script\\>');
  });
});
