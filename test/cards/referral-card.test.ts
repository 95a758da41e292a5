import { referralCard } from '../../cards/referral-card';
import { EARLIER_HISTORY_ID, historyLine } from '../../cards/referral-history';
import type { ReferralEvent } from '../../core/events';
import type { Referral } from '../../core/referral';
import { t, type Locale } from '../../i18n/catalogue';
import { cardText, cardVerbs, readAs } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import {
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
  REFERRAL_ID,
} from '../core/fixtures';
import { bodyTexts, elements, inputIds, journey, topActions } from './card-queries';
import {
  CLOSED,
  activeJourney,
  closedJourney,
  conflict,
  contactMe,
  eligible,
  newJourney,
  STATES,
  view,
  withContacts,
  WON_WARNING,
} from './referral-card-states';

const LOCALES: Locale[] = ['en', 'ko'];

describe('the referral card', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    it.each(STATES)(
      'parses and validates with the adaptivecards SDK, under 80 KB, ids unique: %s',
      (_n, referral, now, extras) => {
        const card = referralCard(view(locale, now), referral, extras);
        expect(cardProblems(card)).toEqual([]);
        expect(new Set(inputIds(card)).size).toBe(inputIds(card).length);
        expect(cardText(card)).not.toMatch(/\d{4}-\d{2}-\d{2}T|aad-/);
        expect(cardText(card).split(REFERRAL_ID)).toHaveLength(2);
      },
    );
  });

  describe('actions', () => {
    const now = daysAfter(RECEIVED_AT, 1);
    const verbs = (r: Referral) => cardVerbs(referralCard(view('en', now), r)).filter((v) => v !== 'refresh');

    it('offers Accept and Decline, each as a form, only while New', () => {
      const card = referralCard(view('en', now), newReferral());
      expect(verbs(newReferral())).toEqual(['accept', 'decline']);
      expect(
        topActions(card)
          .filter((a) => a['type'] === 'Action.ShowCard')
          .map((a) => a['title']),
      ).toEqual([t('en', 'form.accept.title'), t('en', 'form.decline.title')]);
    });

    it('offers Won, Lost, Edit engagement and Add contact only while Active', () => {
      expect(verbs(activeReferral())).toEqual(['won', 'lost', 'edit', 'add-contact']);
    });

    it('offers nothing but Refresh once Closed', () => {
      for (const s of CLOSED) {
        const card = referralCard(view('en', now), closedReferral(s));
        expect(cardVerbs(card)).toEqual(['refresh']);
        expect(inputIds(card)).toEqual([]);
      }
    });

    it('sends the referral id with every action', () => {
      const actions = elements(referralCard(view('en', now), newReferral()), 'Action.Execute');
      for (const action of actions) expect(action['data']).toMatchObject({ referralId: newReferral().id });
    });
  });

  describe('header', () => {
    it('shows the customer big and bold, and the status badge in the viewer language', () => {
      const card = referralCard(view('ko', RECEIVED_AT), newReferral());
      const [name] = elements(card['body'], 'TextBlock').filter((b) => b['text'] === 'Contoso Customer Inc');
      expect(name).toMatchObject({ size: 'large', weight: 'bolder' });
      expect(bodyTexts(card)).toContain(t('ko', 'status.New'));
      const won = referralCard(view('ko', daysAfter(RECEIVED_AT, 9)), closedReferral('Won'));
      expect(bodyTexts(won)).toContain(t('ko', 'substatus.Won'));
    });

    it('counts down to the 24 h recommendation and to expiry while New', () => {
      const text = bodyTexts(referralCard(view('en', hoursAfter(RECEIVED_AT, 5)), newReferral())).join('\n');
      expect(text).toContain('19 h left');
      expect(text).toContain('13 days left');
    });

    it.each(LOCALES)('shows the referral’s id small and subtle, to type after show (%s)', (locale) => {
      for (const referral of [newReferral(), activeReferral(), closedReferral('Declined')]) {
        const card = referralCard(view(locale, daysAfter(RECEIVED_AT, 1)), referral);
        const line = elements(card['body'], 'TextBlock').find((b) =>
          String(b['text']).includes(t(locale, 'card.id', { id: REFERRAL_ID })),
        );
        expect(line).toMatchObject({ size: 'small', isSubtle: true });
      }
    });

    it('calls out an overdue response in red', () => {
      const card = referralCard(view('en', hoursAfter(RECEIVED_AT, 29)), newReferral());
      const line = elements(card['body'], 'TextBlock').find((b) =>
        String(b['text']).includes('overdue by 5 h'),
      );
      expect(line).toMatchObject({ color: 'attention' });
    });
  });

  describe('flame alert', () => {
    const flameOf = (now: Date, referral = contactMe()) => {
      const first = (referralCard(view('en', now), referral)['body'] as Record<string, unknown>[])[0]!;
      return { container: first, text: cardText(first) };
    };

    it('says "call them now" with a flame at the very top during the 72 h window', () => {
      const { container, text } = flameOf(hoursAfter(RECEIVED_AT, 5));
      expect(container).toMatchObject({ type: 'Container', style: 'attention' });
      expect(text).toContain('🔥');
      expect(text).toContain(t('en', 'flame.hot.title'));
    });

    it('says how long ago the customer asked, with another icon, after 72 h, and nothing it cannot know', () => {
      const { container, text } = flameOf(hoursAfter(RECEIVED_AT, 80));
      expect(text).not.toContain('🔥');
      expect(text).toContain('⏰');
      expect(text).toContain('Customer asked to be contacted 3 days ago');
      expect(text).toContain('They asked to be called 3 days ago');
      // Whether anyone called is not in the desk's data.
      expect(text).not.toMatch(/nobody has called yet|still waiting/i);
      expect(container['style']).toBe('warning');
    });

    it('counts a late Partner Center referral’s wait from its creation there', () => {
      const createdAt = hoursAfter(RECEIVED_AT, -48);
      const late = newReferral({ customerRequestedContact: true, createdAt });
      const { text } = flameOf(hoursAfter(RECEIVED_AT, 30), late);
      expect(text).toContain('⏰');
      expect(text).toContain('They asked to be called 3 days ago');
    });

    it('is gone once someone answered, and never shown when the customer did not ask', () => {
      const answered = activeReferral({ customerRequestedContact: true });
      expect(cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 5)), answered))).not.toMatch(/🔥|⏰/);
      expect(cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 5)), newReferral()))).not.toMatch(
        /🔥|⏰/,
      );
    });
  });

  describe('facts', () => {
    const factsOf = (card: Record<string, unknown>) =>
      Object.fromEntries(
        elements(card['body'], 'FactSet').flatMap((set) =>
          (set['facts'] as { title: string; value: string }[]).map((f) => [readAs(f.title), readAs(f.value)]),
        ),
      );

    it('shows who the customer is and what they asked for, formatted', () => {
      const facts = factsOf(referralCard(view('en', RECEIVED_AT), newReferral()));
      expect(facts).toMatchObject({
        Size: '51–250 employees',
        Location: 'Redmond, WA, US',
        Industries: 'Manufacturing',
        'Deal hint': '$50,000',
        'Customer contact': 'Sue Smith · sue.smith@contoso.com',
      });
      expect(cardText(referralCard(view('en', RECEIVED_AT), newReferral()))).toContain(
        'Wants Dynamics 365 for the supply chain.',
      );
    });

    it("hides the customer's contacts when the customer did not consent to contact", () => {
      const private_ = newReferral({ consent: { shareInfoWithOthers: false, contact: false } });
      expect(cardText(referralCard(view('en', RECEIVED_AT), private_))).not.toContain(
        'sue.smith@contoso.com',
      );
    });

    it.each(['Declined', 'Expired'] as const)('shows no customer contact once %s', (substatus) => {
      for (const locale of LOCALES) {
        const card = referralCard(view(locale, daysAfter(RECEIVED_AT, 15)), closedReferral(substatus));
        expect(cardText(card)).not.toContain('sue.smith@contoso.com');
        expect(cardText(card)).not.toContain('Sue Smith');
        expect(factsOf(card)[t(locale, 'fact.contact')]).toBeUndefined();
        expect(elements(card, 'Action.OpenUrl')).toEqual([]);
      }
    });

    it.each(['Won', 'Lost'] as const)('keeps the customer contact once %s', (substatus) => {
      const card = referralCard(view('en', daysAfter(RECEIVED_AT, 15)), closedReferral(substatus));
      expect(factsOf(card)['Customer contact']).toBe('Sue Smith · sue.smith@contoso.com');
      expect(elements(card, 'Action.OpenUrl').map((a) => a['url'])).toEqual(['mailto:sue.smith@contoso.com']);
    });

    it('shows the engagement once Active: name, value, purchase date, CRM ID, who accepted', () => {
      const facts = factsOf(referralCard(view('en', daysAfter(RECEIVED_AT, 1)), activeReferral()));
      expect(facts).toMatchObject({
        'Engagement name': 'Contoso supply chain rollout',
        'Estimated value': '$30,000',
        Purchase: '1 Feb 2027',
        'CRM ID': 'OPP-1042',
        'Accepted by': 'Dana Kim · 20 Nov, 19:00 KST',
      });
      expect(facts['Our team']).toContain('Lee Park');
    });

    it('shows the purchase date as the day it is to a reader west of UTC', () => {
      const inSeattle = { ...view('en', daysAfter(RECEIVED_AT, 1)), timeZone: 'America/Los_Angeles' };
      expect(factsOf(referralCard(inSeattle, activeReferral()))).toMatchObject({ Purchase: '1 Feb 2027' });
    });
  });

  describe('contact buttons', () => {
    const now = hoursAfter(RECEIVED_AT, 2);
    const links = (card: Record<string, unknown>) =>
      elements(card['body'], 'Action.OpenUrl').map((a) => ({ title: a['title'], url: a['url'] }));

    it.each(LOCALES)('offer mailto: and tel: buttons for well-formed addresses only (%s)', (locale) => {
      expect(links(referralCard(view(locale, now), withContacts()))).toEqual([
        {
          title: t(locale, 'contact.email', { address: 'sue.smith@contoso.com' }),
          url: 'mailto:sue.smith@contoso.com',
        },
        { title: t(locale, 'contact.call', { number: '+1 425 555 0100' }), url: 'tel:+14255550100' },
      ]);
    });

    it('sit in a row under the contacts, in the body, not among the top-level actions', () => {
      const card = referralCard(view('en', now), withContacts());
      const body = card['body'] as Record<string, unknown>[];
      const facts = body.findIndex((e) => e['type'] === 'FactSet');
      expect(body[facts + 1]).toMatchObject({ type: 'ActionSet' });
      expect(elements(body[facts + 1], 'Action.OpenUrl')).toHaveLength(2);
      expect(topActions(card).map((a) => a['type'])).not.toContain('Action.OpenUrl');
    });

    it('title the button with the address as plain text, and keep the contact fact inert text', () => {
      const card = referralCard(view('en', now), withContacts());
      expect(links(card)[0]!.title).toBe('Email sue.smith@contoso.com');
      const fact = elements(card['body'], 'FactSet')
        .flatMap((set) => set['facts'] as { title: string; value: string }[])
        .find((f) => f.title === 'Customer contact')!;
      expect(readAs(fact.value)).toBe(
        'Sue Smith · sue.smith@contoso.com · +1 425 555 0100\nJoe Hansen · joe?cc=all@contoso.com · +1 (403) 569-8759',
      );
      // The word joiners that keep Teams from linking the address are still there.
      expect(fact.value).not.toContain('sue.smith@contoso.com');
    });

    it('are not offered when the customer did not consent, or once Declined', () => {
      const private_ = newReferral({
        consent: { shareInfoWithOthers: false, contact: false },
        customer: { ...withContacts().customer },
      });
      expect(links(referralCard(view('en', now), private_))).toEqual([]);
      expect(links(referralCard(view('en', daysAfter(RECEIVED_AT, 1)), closedReferral('Declined')))).toEqual(
        [],
      );
    });
  });

  describe('closed cards', () => {
    it('tell the outcome: who, when and why', () => {
      const text = cardText(referralCard(view('en', daysAfter(RECEIVED_AT, 9)), closedReferral('Lost')));
      expect(text).toContain('Lost — closed by Lee Park, 25 Nov, 18:00 KST.');
      expect(text).toContain(`Reason: ${t('en', 'reason.chose-another-vendor')}`);
      const declined = cardText(
        referralCard(view('ko', daysAfter(RECEIVED_AT, 9)), closedReferral('Declined')),
      );
      expect(declined).toContain(t('ko', 'reason.not-a-customer'));
    });

    it('tell the history with names and dates', () => {
      const { referral, events } = closedJourney('Won');
      const texts = bodyTexts(
        referralCard(view('en', daysAfter(RECEIVED_AT, 6)), referral, { history: events }),
      );
      expect(texts).toEqual(
        expect.arrayContaining([
          'Received 20 Nov, 18:00 KST',
          'Accepted by Dana Kim, 20 Nov, 19:00 KST',
          'Engagement edited by Dana Kim, 22 Nov, 18:00 KST',
          'Contact added by Lee Park, 23 Nov, 18:00 KST',
          'Won — Lee Park, 25 Nov, 18:00 KST',
        ]),
      );
    });
  });

  describe('history', () => {
    type Node = Record<string, unknown>;
    /** What the history shows at a glance, and what its toggle opens. */
    const historyOf = (card: Node, locale: Locale = 'en') => {
      const section = elements(card['body'], 'Container').find(
        (c) => (c['items'] as Node[] | undefined)?.[0]?.['text'] === t(locale, 'card.history'),
      );
      const items = (section?.['items'] as Node[] | undefined) ?? [];
      const toggle = elements(section, 'Action.ToggleVisibility')[0];
      const hidden = elements(card, 'Container').find((c) => c['id'] === EARLIER_HISTORY_ID);
      return {
        shown: section !== undefined,
        visible: items
          .filter((i) => i['type'] === 'TextBlock')
          .map((i) => String(i['text']))
          .slice(1),
        toggle,
        hidden,
        earlier: elements(hidden, 'TextBlock').map((b) => String(b['text'])),
      };
    };
    const linesOf = (events: ReferralEvent[], now: Date, locale: Locale = 'en') =>
      events.map((event) => historyLine(view(locale, now), event)).reverse();

    it.each([
      ['New', newJourney(), hoursAfter(RECEIVED_AT, 4)],
      ['Active', activeJourney(), daysAfter(RECEIVED_AT, 4)],
      ['Closed Won', closedJourney('Won'), daysAfter(RECEIVED_AT, 6)],
    ] as const)(
      'shows the last three changes on a %s card, newest first, and the rest behind “Full history”',
      (_state, { referral, events }, now) => {
        const card = referralCard(view('en', now), referral, { history: events });
        const history = historyOf(card);
        const lines = linesOf(events, now);
        expect(history.visible).toEqual(lines.slice(0, 3));
        expect(history.toggle).toMatchObject({
          title: `Full history (${events.length})`,
          targetElements: [EARLIER_HISTORY_ID],
        });
        expect(history.hidden).toMatchObject({ isVisible: false });
        expect(history.earlier).toEqual(lines.slice(3));
        // The toggle sits in the body: the top-level actions stay the forms and Refresh, five at most.
        expect(topActions(card).map((a) => a['type'])).not.toContain('Action.ToggleVisibility');
        expect(topActions(card).length).toBeLessThanOrEqual(5);
      },
    );

    it('tells who did what and when, in the viewer’s language and zone', () => {
      const { referral, events } = activeJourney();
      const now = daysAfter(RECEIVED_AT, 4);
      expect(historyOf(referralCard(view('en', now), referral, { history: events })).visible).toEqual([
        'Contact added by Lee Park, 23 Nov, 18:00 KST',
        'Engagement edited by Dana Kim, 22 Nov, 18:00 KST',
        'Accepted by Dana Kim, 20 Nov, 19:00 KST',
      ]);
      const ko = historyOf(referralCard(view('ko', now), referral, { history: events }), 'ko');
      expect(ko.visible[0]).toBe('Lee Park님이 11월 23일 18:00 KST에 연락처 추가');
      expect(ko.toggle).toMatchObject({ title: t('ko', 'card.fullHistory', { n: 4 }) });
    });

    it('shows three changes or fewer in full, with no toggle', () => {
      const { referral, events } = journey([]);
      const history = historyOf(
        referralCard(view('en', hoursAfter(RECEIVED_AT, 1)), referral, { history: events }),
      );
      expect(history.visible).toEqual(['Received 20 Nov, 18:00 KST']);
      expect(history.toggle).toBeUndefined();
      expect(history.hidden).toBeUndefined();
    });

    it('shows no history when the card is given none', () => {
      const card = referralCard(view('en', daysAfter(RECEIVED_AT, 1)), activeReferral());
      expect(historyOf(card).shown).toBe(false);
      expect(elements(card, 'Action.ToggleVisibility')).toEqual([]);
    });

    it.each(LOCALES)('counts the oldest of a very long history instead of drawing them (%s)', (locale) => {
      const { referral, events } = newJourney();
      const assigned = events[1]!;
      const many = [
        events[0]!,
        ...Array.from({ length: 299 }, (_, i) => ({
          ...assigned,
          seq: i + 2,
          at: hoursAfter(RECEIVED_AT, i + 1),
        })),
      ];
      const card = referralCard(view(locale, daysAfter(RECEIVED_AT, 13)), referral, { history: many });
      expect(cardProblems(card)).toEqual([]);
      const history = historyOf(card, locale);
      expect(history.visible).toHaveLength(3);
      expect(history.earlier).toHaveLength(48);
      expect(history.earlier.at(-1)).toBe(t(locale, 'card.historyOmitted', { n: 250 }));
      expect(history.toggle).toMatchObject({ title: t(locale, 'card.fullHistory', { n: 300 }) });
    });
  });

  describe('notices', () => {
    it('confirms a success at the top, with its warnings translated', () => {
      const card = referralCard(view('ko', daysAfter(RECEIVED_AT, 1)), eligible(), WON_WARNING);
      const [notice] = elements(card['body'], 'Container');
      expect(cardText(notice)).toContain(t('ko', 'notice.won'));
      expect(cardText(notice)).toContain(t('ko', 'warning.won-within-72h'));
    });

    it('says who got there first, and when, on a stale click', () => {
      const text = cardText(
        referralCard(view('en', daysAfter(RECEIVED_AT, 1)), activeReferral(), conflict('Accepted')),
      );
      expect(text).toContain('Already accepted by Dana Kim at 20 Nov, 19:00 KST.');
      const early = cardText(
        referralCard(view('en', RECEIVED_AT), newReferral(), conflict('Pending', 'New')),
      );
      expect(early).toContain(t('en', 'conflict.notAccepted'));
    });
  });

  it('names the referral’s owner, and mentions nobody (its thread’s notices do)', () => {
    const owned = { ...activeReferral(), owner: { id: 'aad-lee', name: 'Lee Park' } };
    const card = referralCard(view('en', daysAfter(RECEIVED_AT, 1)), owned);
    expect(card['msteams']).toEqual({ width: 'Full' });
    expect(cardText(card)).toContain(t('en', 'card.owner', { owner: 'Lee Park' }));
    expect(cardText(referralCard(view('en', RECEIVED_AT), newReferral()))).not.toContain(
      t('en', 'card.owner', { owner: '' }).trim(),
    );
  });

  it('offers Assign, choosing among the team’s members, only when it knows them', () => {
    const members = [
      { id: 'aad-dana', name: 'Dana Kim' },
      { id: 'aad-lee', name: 'Lee Park' },
    ];
    const withTeam = referralCard(view('en', RECEIVED_AT), newReferral(), { assignees: members });
    expect(cardText(withTeam)).toContain(t('en', 'form.assign.title'));
    const owner = elements(withTeam, 'Input.ChoiceSet').find((input) => input['id'] === 'assign.owner');
    expect(owner?.['choices']).toEqual(members.map((m) => ({ title: m.name, value: m.id })));
    expect(cardText(referralCard(view('en', RECEIVED_AT), newReferral()))).not.toContain(
      t('en', 'form.assign.title'),
    );
  });

  it.each([
    ['pending', 'Partner Center sync pending'],
    ['failed', 'Partner Center sync failed — retrying'],
    ['given-up', 'Partner Center sync given up — update Partner Center by hand'],
  ] as const)('shows the Partner Center sync %s in a small subtle line', (sync, text) => {
    const card = referralCard(view('en', RECEIVED_AT), activeReferral(), { sync });
    expect(elements(card['body'], 'TextBlock').find((b) => b['text'] === text)).toMatchObject({
      isSubtle: true,
      size: 'small',
    });
  });

  it.each(LOCALES)('shows the fit hint on a New referral only, and validates with it (%s)', (locale) => {
    const fitHint = {
      feature: 'solution' as const,
      value: 'Azure migration',
      decided: 7,
      accepted: 6,
      declined: 1,
      won: 3,
      lost: 0,
      verdict: 'good' as const,
    };
    const fresh = referralCard(view(locale, RECEIVED_AT), newReferral(), { fitHint });
    expect(cardProblems(fresh)).toEqual([]);
    const evidence = t(locale, 'fit.acceptedAndWon', {
      subject: '“Azure migration”',
      accepted: 6,
      decided: 7,
      won: 3,
      lost: 0,
    });
    expect(cardText(fresh)).toContain(t(locale, 'fit.title'));
    expect(cardText(fresh)).toContain(`${evidence}. ${t(locale, 'fit.verdict.good')}`);
    const active = referralCard(view(locale, RECEIVED_AT), activeReferral(), { fitHint });
    expect(cardText(active)).not.toContain(t(locale, 'fit.title'));
    expect(cardText(referralCard(view(locale, RECEIVED_AT), newReferral()))).not.toContain(
      t(locale, 'fit.title'),
    );
  });

  it('speaks Korean to Korean viewers', () => {
    for (const [, referral, now, extras] of STATES) {
      const ko = cardText(referralCard(view('ko', now), referral, extras));
      const en = cardText(referralCard(view('en', now), referral, extras));
      expect(ko).toMatch(/[가-힣]/);
      // Refresh is there whenever the card has room for it (Teams shows five actions at most).
      if (en.includes(t('en', 'card.refresh'))) expect(ko).toContain(t('ko', 'card.refresh'));
      expect(ko).not.toContain(t('en', 'card.received', { when: '' }).trim());
      expect(en).not.toMatch(/[가-힣]/);
    }
  });
});

describe('what the card says about Partner Center', () => {
  it('says when Partner Center created the referral, in the channel’s zone, besides when it arrived', () => {
    const late = newReferral({ createdAt: new Date('2026-11-20T00:00:00Z') });
    const seoul = bodyTexts(referralCard(view('en', hoursAfter(RECEIVED_AT, 1)), late));
    expect(seoul.join('\n')).toContain(t('en', 'card.createdInPartnerCenter', { when: '20 Nov, 09:00 KST' }));
    const ko = bodyTexts(referralCard(view('ko', hoursAfter(RECEIVED_AT, 1)), late));
    expect(ko.join('\n')).toContain(t('ko', 'card.createdInPartnerCenter', { when: '11월 20일 09:00 KST' }));
    const generic = bodyTexts(referralCard(view('en', RECEIVED_AT), newReferral({ source: 'webhook' })));
    expect(generic.join('\n')).not.toContain('Created in Partner Center');
  });

  it('on a won, registrable deal says the registration is made in Partner Center, and opens it there', () => {
    const won = applyCommand(
      eligible(),
      { type: 'won', input: { dealValue: '60,000', dealCurrency: 'USD', dealClosedOn: '2026-11-25' } },
      dana,
      daysAfter(RECEIVED_AT, 5),
    );
    const card = referralCard(view('en', daysAfter(RECEIVED_AT, 5)), won);
    const text = cardText(card);
    expect(text).toContain(t('en', 'outcome.registerNext', { name: won.name, id: won.externalId }));
    expect(text).not.toMatch(/registered with Microsoft|register the deal with Microsoft/);
    const open = elements(card['body'], 'Action.OpenUrl').find(
      (a) => a['title'] === t('en', 'outcome.openPartnerCenter'),
    );
    expect(open).toMatchObject({ url: 'https://partner.microsoft.com/dashboard/referrals/v2/leads' });
    expect(cardProblems(card)).toEqual([]);
    const lost = referralCard(view('en', daysAfter(RECEIVED_AT, 5)), closedReferral('Lost'));
    expect(cardText(lost)).not.toContain(t('en', 'outcome.openPartnerCenter'));
  });

  it('warns that a win within 72 h may get its deal registration rejected, not the win', () => {
    expect(t('en', 'warning.won-within-72h')).toMatch(/deal registration may be rejected/);
    expect(t('en', 'form.won.tooSoon')).toMatch(/deal registration .* may be rejected/);
    expect(t('en', 'form.won.dealHint')).not.toMatch(/register the deal with Microsoft/);
    for (const key of ['warning.won-within-72h', 'form.won.tooSoon', 'outcome.registerNext'] as const)
      expect(t('ko', key, { name: 'n', id: 'i' })).not.toBe(t('en', key, { name: 'n', id: 'i' }));
  });

  it('says an expired referral expired at its date, not after a fixed 14 days (Partner Center’s date can differ)', () => {
    for (const locale of LOCALES) {
      expect(t(locale, 'outcome.Expired', { when: 'x' })).not.toMatch(/14/);
      expect(t(locale, 'conflict.Expired', { when: 'x' })).not.toMatch(/14/);
    }
  });
});
