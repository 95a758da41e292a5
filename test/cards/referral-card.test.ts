import { referralCard } from '../../cards/referral-card';
import { formFields } from '../../cards/form-fields';
import type { ReferralEvent } from '../../core/events';
import type { ClosedSubstatus, Referral } from '../../core/referral';
import { t, type Locale } from '../../i18n/catalogue';
import { cardText, cardVerbs } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import {
  activeReferral,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
} from '../core/fixtures';

const LOCALES: Locale[] = ['en', 'ko'];
const view = (locale: Locale, now: Date) => ({ locale, timeZone: 'Asia/Seoul', now });
const CLOSED: ClosedSubstatus[] = ['Won', 'Lost', 'Declined', 'Expired'];
const contactMe = () => newReferral({ customerRequestedContact: true });
const history = (referral: Referral): ReferralEvent[] => [
  {
    type: 'received',
    referral,
    referralId: referral.id,
    seq: 1,
    at: RECEIVED_AT,
    actor: dana,
  } as ReferralEvent,
];

/** Every state and extra a card can be drawn in, with the time it is looked at. */
const STATES: [string, Referral, Date, Parameters<typeof referralCard>[2]?][] = [
  ['new', newReferral(), hoursAfter(RECEIVED_AT, 2)],
  ['new and overdue', newReferral(), hoursAfter(RECEIVED_AT, 30)],
  ['contact-me within 72 h', contactMe(), hoursAfter(RECEIVED_AT, 5)],
  ['contact-me after 72 h', contactMe(), hoursAfter(RECEIVED_AT, 80)],
  ['active', activeReferral(), daysAfter(RECEIVED_AT, 5)],
  ['active, won too soon', activeReferral(), hoursAfter(RECEIVED_AT, 3)],
  ...CLOSED.map((s): [string, Referral, Date, Parameters<typeof referralCard>[2]] => [
    `closed ${s}`,
    closedReferral(s),
    daysAfter(RECEIVED_AT, 15),
    { history: history(closedReferral(s)) },
  ]),
  [
    'invalid accept form',
    newReferral(),
    hoursAfter(RECEIVED_AT, 2),
    {
      form: {
        verb: 'accept',
        values: { 'accept.engagementName': '', 'accept.value': '-5' },
        errors: [
          { field: 'engagementName', code: 'required', message: '' },
          { field: 'value', code: 'negative', message: '' },
        ],
      },
    },
  ],
  [
    'conflict notice',
    activeReferral(),
    daysAfter(RECEIVED_AT, 1),
    {
      notice: {
        kind: 'conflict',
        conflict: {
          code: 'already-responded',
          message: '',
          current: { status: 'Active', substatus: 'Accepted', by: { name: 'Dana Kim' }, at: RECEIVED_AT },
        },
      },
    },
  ],
  [
    'owners, sync and success',
    activeReferral(),
    daysAfter(RECEIVED_AT, 1),
    {
      owners: [{ id: 'aad-dana', name: 'Dana Kim' }],
      sync: 'failed',
      notice: { kind: 'success', verb: 'accept', warnings: [] },
    },
  ],
];

describe('the referral card', () => {
  describe.each(LOCALES)('in %s', (locale) => {
    // Rows always carry four values: jest passes `done` to a callback with more parameters than the row.
    it.each(STATES.map(([n, r, at, extras]) => [n, r, at, extras ?? {}] as const))(
      'parses and validates with the adaptivecards SDK, under 80 KB: %s',
      (_name, referral, now, extras) => {
        expect(cardProblems(referralCard(view(locale, now), referral, extras))).toEqual([]);
      },
    );
  });

  it('offers Accept and Decline only while New, Won/Lost/Edit/Add contact only while Active, nothing when Closed', () => {
    const now = daysAfter(RECEIVED_AT, 1);
    const verbs = (r: Referral) => cardVerbs(referralCard(view('en', now), r)).filter((v) => v !== 'refresh');
    expect(verbs(newReferral()).sort()).toEqual(['accept', 'decline']);
    expect(verbs(activeReferral()).sort()).toEqual(['add-contact', 'edit', 'lost', 'won']);
    for (const s of CLOSED) expect(verbs(closedReferral(s))).toEqual([]);
  });

  it('changes the flame alert after 72 h, and shows none once someone responded', () => {
    const early = cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 5)), contactMe()));
    const late = cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 80)), contactMe()));
    expect(early).toContain('🔥');
    expect(early).toContain(t('en', 'flame.hot.title'));
    expect(late).not.toContain('🔥');
    expect(late).toContain(t('en', 'flame.late.title'));
    const answered = activeReferral({ customerRequestedContact: true });
    expect(cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 5)), answered))).not.toContain('🔥');
  });

  it('shows an invalid form inline with the typed values kept and each message right under its input', () => {
    const card = referralCard(
      view('en', hoursAfter(RECEIVED_AT, 2)),
      newReferral(),
      STATES.find(([n]) => n === 'invalid accept form')![3],
    );
    const json = JSON.stringify(card);
    const valueInput = json.indexOf('"id":"accept.value"');
    expect(json.slice(valueInput, valueInput + 400)).toContain('"value":"-5"');
    const afterInput = json.slice(valueInput);
    expect(afterInput.indexOf(t('en', 'error.negative'))).toBeLessThan(
      afterInput.indexOf('"id":"accept.currency"'),
    );
    expect(cardText(card)).toContain(t('en', 'error.required'));
  });

  it('says who got there first on a stale click', () => {
    const [, referral, now, extras] = STATES.find(([n]) => n === 'conflict notice')!;
    expect(cardText(referralCard(view('en', now), referral, extras))).toContain('Dana Kim');
  });

  it('warns in the Won form when Won comes within 72 h of acceptance', () => {
    const soon = cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 3)), activeReferral()));
    const later = cardText(referralCard(view('en', daysAfter(RECEIVED_AT, 5)), activeReferral()));
    expect(soon).toContain(t('en', 'form.won.tooSoon'));
    expect(later).not.toContain(t('en', 'form.won.tooSoon'));
  });

  it('speaks Korean to Korean viewers and never shows raw ISO timestamps', () => {
    const text = cardText(referralCard(view('ko', hoursAfter(RECEIVED_AT, 2)), newReferral()));
    expect(text).toContain(t('ko', 'form.accept.title'));
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('@mentions the channel owners through msteams entities', () => {
    const card = referralCard(view('en', RECEIVED_AT), newReferral(), {
      owners: [{ id: 'aad-dana', name: 'Dana Kim' }],
    });
    expect(card['msteams']).toMatchObject({
      entities: [
        { type: 'mention', text: '<at>Dana Kim</at>', mentioned: { id: 'aad-dana', name: 'Dana Kim' } },
      ],
    });
    expect(cardText(card)).toContain('<at>Dana Kim</at>');
  });
});

describe('formFields', () => {
  it('strips the form prefix and gathers extra contacts, dropping empty ones', () => {
    expect(
      formFields('accept', {
        referralId: 'x',
        'accept.engagementName': 'Deal',
        'accept.contacts.0.firstName': 'Mina',
        'accept.contacts.0.email': 'mina@x.example',
        'accept.contacts.1.firstName': ' ',
        'decline.reason': 'other',
      }),
    ).toEqual({ engagementName: 'Deal', contacts: [{ firstName: 'Mina', email: 'mina@x.example' }] });
  });
});
