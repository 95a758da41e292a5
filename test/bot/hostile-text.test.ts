import { t } from '../../i18n/catalogue';
import { startDesk, type Desk } from '../support/desk';
import { postReferral } from '../support/intake';
import { sampleReferralJson } from '../support/sample-referral';
import { startTestStore, type TestStore } from '../support/store';
import { acceptForm, cardText, DANA, readAs } from '../support/teams-client';

// What an attacker puts in every text a referral or a form carries: a link, an image, HTML, markdown.
const LINK = '[Verify here](https://phish.example/login)';
const IMAGE = '<img src=x onerror=alert(1)>';
const hostile = (what: string) => `${what} ${LINK} ${IMAGE} **bold** [click](javascript:alert(1))`;
/** The same in few characters, for fields with a short limit (a contact's name: 100). */
const shortHostile = (what: string) => `${what} [x](https://phish.example/a) <img src=x>`;
const HOSTILE_NOTES = `# Urgent\n- ${hostile('notes')}\n1. Open in Partner Center: https://phish.example`;

/** Every TextBlock text and fact title or value of a card, as the renderer gets them (markdown). */
function markdownTexts(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => markdownTexts(item, into));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element['type'] === 'TextBlock' && typeof element['text'] === 'string') into.push(element['text']);
    if (element['type'] === 'FactSet')
      for (const fact of element['facts'] as { title: string; value: string }[])
        into.push(fact.title, fact.value);
    for (const [key, value] of Object.entries(element)) if (key !== 'msteams') markdownTexts(value, into);
  }
  return into;
}

/**
 * Asserts that none of a card's texts is markup: every markdown or HTML character is escaped, and no address is
 * whole enough to be linked. Returns what a reader sees, to check the outside text is there as written.
 */
function expectInert(card: unknown): string {
  const texts = markdownTexts(card);
  for (const text of texts) {
    expect({ text, bare: text.match(/(?<!\\)[[\]()<>*`]/g) }).toEqual({ text, bare: null });
    expect(text).not.toContain('://');
    expect(text).not.toMatch(/phish\.example/);
    expect(text).not.toMatch(/^\s*[-#]|^\s*\d+\./m);
  }
  return texts.map(readAs).join('\n');
}

/** Cards an activity carries. */
const cardsOf = (activity: Record<string, unknown>) =>
  ((activity['attachments'] ?? []) as { content: unknown }[]).map((a) => a.content);

describe('outside text, through the whole bot', () => {
  let store: TestStore;
  let desk: Desk;

  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });
  afterEach(async () => {
    await desk?.stop();
  });

  it('shows every referral field and every form field as written, and none of it as markup', async () => {
    desk = await startDesk(store);
    await desk.teams.installInTeam(DANA);
    const base = sampleReferralJson('hostile');
    const details = base['details'] as Record<string, unknown>;
    const customer = hostile('Tailwind Traders');
    const { id, status, body } = await postReferral(desk.service, {
      ...base,
      name: hostile('engagement'),
      customerProfile: {
        name: customer,
        address: {
          addressLine1: hostile('street'),
          city: hostile('city'),
          state: hostile('state'),
          postalCode: '06236',
          country: 'KR',
          region: 'APAC',
        },
        size: '251to1000employees',
        team: [
          {
            firstName: shortHostile('first'),
            lastName: shortHostile('last'),
            email: 'jiwoo.park@contoso-pharma.example',
            phoneNumber: '+82 2 555 0100',
          },
        ],
      },
      details: {
        ...details,
        notes: HOSTILE_NOTES,
        requirements: {
          industries: [hostile('industry')],
          products: [hostile('product')],
          services: [hostile('service')],
          solutions: [{ id: 'sol-1', name: hostile('solution'), type: 'IpCoSell' }],
        },
      },
    });
    expect({ status, error: body.error }).toEqual({ status: 201, error: undefined });
    await desk.service.idle();

    const posted = expectInert(desk.peer.threadsWith(id)[0]!.activity);
    for (const what of ['Tailwind Traders', 'city', 'solution']) expect(posted).toContain(hostile(what));
    expect(posted).toContain(shortHostile('first'));
    expect(posted).toContain(HOSTILE_NOTES);

    // Typed into the forms: Accept, then Edit and Add contact, and the texts come back in the card as typed.
    const accepted = await desk.teams.click(
      DANA,
      'accept',
      acceptForm(id, {
        'accept.engagementName': hostile('my engagement'),
        'accept.notes': HOSTILE_NOTES,
      }),
    );
    expect(cardText(accepted.body.value)).toContain(t('en', 'notice.accept'));
    const mine = expectInert(accepted.body.value);
    expect(mine).toContain(hostile('my engagement'));
    const contact = await desk.teams.click(DANA, 'add-contact', {
      referralId: id,
      form: 'add-contact',
      'add-contact.firstName': shortHostile('Sue'),
      'add-contact.lastName': 'Smith',
      'add-contact.email': 'sue@example.com',
      'add-contact.phone': '',
    });
    expect(expectInert(contact.body.value)).toContain(shortHostile('Sue'));
    await desk.service.idle();
    const redrawn = desk.peer.updates.filter(
      (u) => u.activityId === desk.peer.threadsWith(id)[0]!.activityId,
    );
    expect(expectInert(redrawn.at(-1)!.activity)).toContain(hostile('my engagement'));

    // Lists, show, stats and the digest in personal chat: the same texts, just as inert.
    for (const command of ['active', `show ${id}`, 'stats', 'digest']) {
      const before = desk.peer.replies.length + desk.peer.messages.length;
      await desk.command(command, { where: 'personal' });
      const sent = [...desk.peer.replies, ...desk.peer.messages].slice(before);
      for (const { activity } of sent) {
        for (const card of cardsOf(activity)) expectInert(card);
        if (typeof activity['text'] === 'string') expect(activity['text']).not.toMatch(/(?<!\\)[[\]<>]/);
      }
    }
    const listed = await desk.command('active', { where: 'personal' });
    // Rows cut long names short; what shows is still as written.
    expect(readAs(cardText(listed.card))).toContain(`Tailwind Traders ${LINK} ${IMAGE}`);
  });

  it('keeps the help card’s placeholders as text', async () => {
    desk = await startDesk(store);
    await desk.teams.installInTeam(DANA);
    const help = await desk.command('help', { where: 'personal' });
    const shown = expectInert(help.card);
    for (const placeholder of ['<id>', '<day>', '<HH:MM>']) expect(shown).toContain(placeholder);
  });
});
