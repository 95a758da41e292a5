import type { TransitionVerb } from '../../cards/card-actions';
import type { ReferralCardExtras } from '../../cards/card-views';
import { formFields } from '../../cards/form-fields';
import { referralCard } from '../../cards/referral-card';
import { decide, type Command } from '../../core/lifecycle';
import { CLOSE_REASONS, PURCHASE_TIMEFRAMES, type Referral } from '../../core/referral';
import type { FieldError } from '../../core/result';
import { LIMITS } from '../../core/validation';
import { codeMessage, t, type Locale } from '../../i18n/catalogue';
import { cardText, readAs } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import { activeReferral, daysAfter, hoursAfter, newReferral, RECEIVED_AT } from '../core/fixtures';
import { elementAfter, elements, input, inputIds, topActions } from './card-queries';
import { eligible, view } from './referral-card-states';

const NOW = daysAfter(RECEIVED_AT, 5);
const error = (field: string, code: string, params?: FieldError['params']): FieldError => ({
  field,
  code,
  message: '',
  ...(params ? { params } : {}),
});

/** The ids of the form `verb` as the card draws it in its ShowCard. */
function formInputs(card: Record<string, unknown>, verb: string): string[] {
  const showCard = topActions(card).find(
    (a) => a['type'] === 'Action.ShowCard' && inputIds(a)[0]?.startsWith(`${verb}.`),
  );
  return showCard ? inputIds(showCard) : [];
}

describe('the forms of the referral card', () => {
  it('Accept asks for the engagement and one optional extra contact, ids named <verb>.<core field>', () => {
    const card = referralCard(view('en', RECEIVED_AT), newReferral());
    expect(formInputs(card, 'accept')).toEqual([
      'accept.engagementName',
      'accept.value',
      'accept.currency',
      'accept.purchaseDate',
      'accept.purchaseTimeframe',
      'accept.notes',
      'accept.crmId',
      'accept.contacts.0.firstName',
      'accept.contacts.0.lastName',
      'accept.contacts.0.email',
      'accept.contacts.0.phoneNumber',
    ]);
    expect(input(card, 'accept.engagementName')).toMatchObject({
      isRequired: true,
      maxLength: LIMITS.engagementName,
    });
    expect(input(card, 'accept.currency')).toMatchObject({ type: 'Input.ChoiceSet', value: 'USD' });
    expect(input(card, 'accept.purchaseDate')).toMatchObject({ type: 'Input.Date' });
    expect(input(card, 'accept.contacts.0.firstName')).toMatchObject({ isRequired: false });
    const timeframes = input(card, 'accept.purchaseTimeframe')!['choices'] as { value: string }[];
    expect(timeframes.map((c) => c.value)).toEqual([...PURCHASE_TIMEFRAMES]);
  });

  it('Accept starts from the currency of the deal the customer hinted at', () => {
    const euro = newReferral({
      details: { ...newReferral().details, dealValue: { amount: 9000, currency: 'EUR' } },
    });
    expect(input(referralCard(view('en', RECEIVED_AT), euro), 'accept.currency')).toMatchObject({
      value: 'EUR',
    });
  });

  it('Decline and Lost offer every close reason with a translated title and the code as value', () => {
    const decline = input(referralCard(view('ko', RECEIVED_AT), newReferral()), 'decline.reason')!;
    const lost = input(referralCard(view('ko', NOW), activeReferral()), 'lost.reason')!;
    for (const reason of [decline, lost]) {
      expect(reason).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
      expect(reason['choices']).toEqual(
        CLOSE_REASONS.map((value) => ({ value, title: t('ko', `reason.${value}`) })),
      );
    }
  });

  it('Won asks for deal registration only when the referral is eligible, and nothing in it is preset', () => {
    expect(formInputs(referralCard(view('en', NOW), activeReferral()), 'won')).toEqual(['won.notes']);
    const card = referralCard(view('en', NOW), eligible());
    expect(formInputs(card, 'won')).toEqual([
      'won.notes',
      'won.dealValue',
      'won.dealCurrency',
      'won.dealClosedOn',
      'won.microsoftContactEmail',
      'won.dealNotes',
    ]);
    for (const id of formInputs(card, 'won')) expect(input(card, id)!['value']).toBe('');
    expect(cardText(card)).toContain(t('en', 'form.won.dealHeading'));
  });

  it('Won warns within 72 h of acceptance, when Partner Center rejects wins', () => {
    const soon = cardText(referralCard(view('en', hoursAfter(RECEIVED_AT, 3)), activeReferral()));
    expect(soon).toContain(t('en', 'form.won.tooSoon'));
    expect(cardText(referralCard(view('en', NOW), activeReferral()))).not.toContain(
      t('en', 'form.won.tooSoon'),
    );
  });

  it('Edit engagement starts from what the engagement says now', () => {
    const card = referralCard(view('en', NOW), activeReferral());
    expect(input(card, 'edit.engagementName')).toMatchObject({ value: 'Contoso supply chain rollout' });
    expect(input(card, 'edit.value')).toMatchObject({ value: '30000' });
    expect(input(card, 'edit.currency')).toMatchObject({ value: 'USD' });
    expect(input(card, 'edit.purchaseDate')).toMatchObject({ value: '2027-02-01' });
    expect(input(card, 'edit.crmId')).toMatchObject({ value: 'OPP-1042' });
  });

  it('Add contact asks for a first name, then a last name, an email and a phone', () => {
    const card = referralCard(view('en', NOW), activeReferral());
    expect(formInputs(card, 'add-contact')).toEqual([
      'add-contact.firstName',
      'add-contact.lastName',
      'add-contact.email',
      'add-contact.phoneNumber',
    ]);
    expect(input(card, 'add-contact.firstName')).toMatchObject({
      isRequired: true,
      maxLength: LIMITS.personName,
    });
  });
});

/** A form sent back with errors, for each verb; `typed` is what the person entered (the bot's `values`). */
const INVALID: [
  verb: TransitionVerb,
  referral: () => Referral,
  typed: Record<string, string>,
  errors: FieldError[],
][] = [
  [
    'accept',
    newReferral,
    { 'accept.engagementName': 'Rollout', 'accept.value': '-5', 'accept.contacts.0.email': 'mina@' },
    [
      error('value', 'negative'),
      error('contacts.0.email', 'not-an-email'),
      error('purchaseDate', 'required'),
    ],
  ],
  ['decline', newReferral, { 'decline.reason': 'other', 'decline.notes': '' }, [error('notes', 'required')]],
  [
    'won',
    eligible,
    { 'won.dealValue': 'lots', 'won.dealCurrency': 'USD' },
    [error('dealValue', 'not-a-number')],
  ],
  [
    'lost',
    activeReferral,
    { 'lost.reason': '', 'lost.notes': 'x'.repeat(10) },
    [error('reason', 'required')],
  ],
  [
    'edit',
    activeReferral,
    { 'edit.engagementName': 'Contoso supply chain rollout' },
    [error('', 'nothing-to-change')],
  ],
  [
    'add-contact',
    activeReferral,
    { 'add-contact.firstName': 'Mina', 'add-contact.phoneNumber': '12' },
    [error('phoneNumber', 'not-a-phone')],
  ],
];

describe.each(['en', 'ko'] as Locale[])('a form sent back invalid, in %s', (locale) => {
  const draw = (
    verb: TransitionVerb,
    referral: Referral,
    values: Record<string, string>,
    errors: FieldError[],
  ) => {
    const extras: ReferralCardExtras = { form: { verb, values, errors } };
    return referralCard(view(locale, hoursAfter(RECEIVED_AT, 2)), referral, extras);
  };

  it.each(INVALID)(
    '%s: is drawn open in the card body with the typed values and each message under its input',
    (verb, referral, typed, errors) => {
      const card = draw(verb, referral(), typed, errors);
      expect(cardProblems(card)).toEqual([]);
      expect(new Set(inputIds(card)).size).toBe(inputIds(card).length);
      expect(inputIds(card['body']).length).toBeGreaterThan(0);
      expect(inputIds(card['body']).every((id) => id.startsWith(`${verb}.`))).toBe(true);
      expect(formInputs(card, verb)).toEqual([]);
      for (const [id, value] of Object.entries(typed)) expect(input(card, id)!['value']).toBe(value);
      for (const e of errors.filter((e) => e.field !== '')) {
        const message = codeMessage(locale, 'error', e.code, e.params);
        const shown = elementAfter(card, `${verb}.${e.field}`);
        expect(shown).toMatchObject({ type: 'TextBlock', color: 'attention' });
        expect(readAs(String(shown?.['text']))).toBe(message);
        expect(input(card, `${verb}.${e.field}`)).toMatchObject({ errorMessage: message });
      }
      expect(cardText(card)).not.toMatch(/something went wrong|문제가 발생/i);
    },
  );

  it('puts an error that no single field owns above the form', () => {
    const card = draw('edit', activeReferral(), {}, [error('', 'nothing-to-change')]);
    const body = JSON.stringify(card['body']);
    const message = body.indexOf(JSON.stringify(t(locale, 'error.nothing-to-change')));
    expect(message).toBeGreaterThan(-1);
    expect(message).toBeLessThan(body.indexOf('"id":"edit.engagementName"'));
  });

  it('keeps the other forms of the state as buttons', () => {
    const card = draw('accept', newReferral(), {}, [error('engagementName', 'required')]);
    expect(formInputs(card, 'decline')).toContain('decline.reason');
    expect(elements(card['body'], 'Action.Execute').map((a) => a['verb'])).toEqual(['accept', 'refresh']);
  });
});

describe('formFields', () => {
  it('strips the form prefix and gathers extra contacts, dropping empty ones', () => {
    expect(
      formFields('accept', {
        referralId: 'x',
        form: 'accept',
        'accept.engagementName': 'Deal',
        'accept.contacts.0.firstName': 'Mina',
        'accept.contacts.0.email': 'mina@x.example',
        'accept.contacts.1.firstName': ' ',
        'decline.reason': 'other',
      }),
    ).toEqual({ engagementName: 'Deal', contacts: [{ firstName: 'Mina', email: 'mina@x.example' }] });
  });

  it('turns what the Accept form submits into an input the core accepts', () => {
    const submitted: Record<string, string> = {
      'accept.engagementName': 'Contoso rollout',
      'accept.value': '30,000',
      'accept.currency': 'USD',
      'accept.purchaseDate': '2027-02-01',
      'accept.purchaseTimeframe': '',
      'accept.notes': '',
      'accept.crmId': '',
      'accept.contacts.0.firstName': '',
      'accept.contacts.0.lastName': '',
      'accept.contacts.0.email': '',
      'accept.contacts.0.phoneNumber': '',
    };
    const card = referralCard(view('en', RECEIVED_AT), newReferral());
    expect(formInputs(card, 'accept').sort()).toEqual(Object.keys(submitted).sort());
    const command = { type: 'accept', input: formFields('accept', submitted) } as Command;
    expect(decide(newReferral(), command, hoursAfter(RECEIVED_AT, 1)).ok).toBe(true);
  });
});
