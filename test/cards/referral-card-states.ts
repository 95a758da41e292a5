// The referrals and extras the card specs draw, built the way production builds them (receive, decide, commit).
import type { ReferralCardExtras } from '../../cards/card-views';
import type { Command } from '../../core/lifecycle';
import type { ClosedSubstatus, Referral, Status, Substatus } from '../../core/referral';
import type { Locale } from '../../i18n/catalogue';
import {
  acceptInput,
  activeReferral,
  dana,
  daysAfter,
  hoursAfter,
  lee,
  newReferral,
  RECEIVED_AT,
  scheduler,
} from '../core/fixtures';
import { journey } from './card-queries';

export const CLOSED: ClosedSubstatus[] = ['Won', 'Lost', 'Declined', 'Expired'];

/** A viewer in Seoul: RECEIVED_AT (09:00 UTC) reads 18:00 on their card. */
export const view = (locale: Locale, now: Date) => ({ locale, timeZone: 'Asia/Seoul', now });

export const contactMe = () => newReferral({ customerRequestedContact: true });

/** Two customer contacts: one reachable by mail and phone, one whose address and number are not links. */
export const CONTACTS = [
  { firstName: 'Sue', lastName: 'Smith', email: 'sue.smith@contoso.com', phoneNumber: '+1 425 555 0100' },
  { firstName: 'Joe', lastName: 'Hansen', email: 'joe?cc=all@contoso.com', phoneNumber: '+1 (403) 569-8759' },
];
export const withContacts = () =>
  newReferral({ customer: { ...newReferral().customer, contacts: CONTACTS } });

const CO_SELL = { id: 'azure-ai', name: 'Contoso AI on Azure', type: 'IpCoSell' };

/** Active with a co-sell solution and a USD 30,000 engagement: eligible for deal registration. */
export const eligible = () =>
  activeReferral({
    details: {
      dealValue: { amount: 50000, currency: 'USD' },
      requirements: { industries: [], products: [], services: [], solutions: [CO_SELL] },
    },
  });

const accept: [Command, typeof dana, Date] = [
  { type: 'accept', input: acceptInput() },
  dana,
  hoursAfter(RECEIVED_AT, 1),
];

const TEAM = [
  { id: 'aad-dana', name: 'Dana Kim' },
  { id: 'aad-lee', name: 'Lee Park' },
];
const assign = (owner: string): Command => ({ type: 'assign', input: { owner, candidates: TEAM } });

/** A New referral whose owner changed three times: four changes, one more than a card shows at once. */
export const newJourney = () =>
  journey([
    [assign('aad-lee'), dana, hoursAfter(RECEIVED_AT, 1)],
    [assign('aad-dana'), lee, hoursAfter(RECEIVED_AT, 2)],
    [assign('aad-lee'), dana, hoursAfter(RECEIVED_AT, 3)],
  ]);

/** An Active referral, accepted, edited and given a contact: four changes. */
export const activeJourney = () =>
  journey([
    accept,
    [{ type: 'edit', input: { crmId: 'OPP-2000' } }, dana, daysAfter(RECEIVED_AT, 2)],
    [
      { type: 'add-contact', input: { firstName: 'Mina', email: 'mina@fabrikam.example' } },
      lee,
      daysAfter(RECEIVED_AT, 3),
    ],
  ]);

/** Each closed state reached step by step, with the events on the way: what a closed card's history shows. */
export function closedJourney(substatus: ClosedSubstatus) {
  switch (substatus) {
    case 'Won':
      return journey([
        accept,
        [{ type: 'edit', input: { crmId: 'OPP-2000' } }, dana, daysAfter(RECEIVED_AT, 2)],
        [
          { type: 'add-contact', input: { firstName: 'Mina', email: 'mina@fabrikam.example' } },
          lee,
          daysAfter(RECEIVED_AT, 3),
        ],
        [{ type: 'won', input: { notes: 'Signed.' } }, lee, daysAfter(RECEIVED_AT, 5)],
      ]);
    case 'Lost':
      return journey([
        accept,
        [{ type: 'lost', input: { reason: 'chose-another-vendor' } }, lee, daysAfter(RECEIVED_AT, 5)],
      ]);
    case 'Declined':
      return journey([
        [{ type: 'decline', input: { reason: 'not-a-customer' } }, dana, hoursAfter(RECEIVED_AT, 2)],
      ]);
    case 'Expired':
      return journey([[{ type: 'expire' }, scheduler, daysAfter(RECEIVED_AT, 14)]]);
  }
}

export const conflict = (substatus: Substatus, status: Status = 'Active'): ReferralCardExtras => ({
  notice: {
    kind: 'conflict',
    conflict: {
      code: 'already-responded',
      message: '',
      current: { status, substatus, by: { name: 'Dana Kim' }, at: hoursAfter(RECEIVED_AT, 1) },
    },
  },
});

export const WON_WARNING: ReferralCardExtras = {
  notice: { kind: 'success', verb: 'won', warnings: ['won-within-72h'] },
};

/** Every state and extra a card can be drawn in, with the moment it is looked at. */
export const STATES: [name: string, referral: Referral, now: Date, extras: ReferralCardExtras][] = [
  ['New, fresh', newReferral(), hoursAfter(RECEIVED_AT, 2), {}],
  ['New, overdue', newReferral(), hoursAfter(RECEIVED_AT, 30), {}],
  ['New, contact-me within 72 h', contactMe(), hoursAfter(RECEIVED_AT, 5), {}],
  ['New, contact-me after 72 h', contactMe(), hoursAfter(RECEIVED_AT, 80), {}],
  ['New, contacts with emails and phones', withContacts(), hoursAfter(RECEIVED_AT, 2), {}],
  ['Active', activeReferral(), daysAfter(RECEIVED_AT, 5), {}],
  ['New with history', newJourney().referral, hoursAfter(RECEIVED_AT, 4), { history: newJourney().events }],
  [
    'Active with history',
    activeJourney().referral,
    daysAfter(RECEIVED_AT, 4),
    { history: activeJourney().events },
  ],
  ['Active, eligible for deal registration, won too soon', eligible(), hoursAfter(RECEIVED_AT, 3), {}],
  ...CLOSED.map((s): (typeof STATES)[number] => {
    const { referral, events } = closedJourney(s);
    return [`Closed ${s} with history`, referral, daysAfter(RECEIVED_AT, 15), { history: events }];
  }),
  ['success notice with a warning', eligible(), daysAfter(RECEIVED_AT, 1), WON_WARNING],
  ['conflict notice', activeReferral(), daysAfter(RECEIVED_AT, 1), conflict('Accepted')],
  [
    'assignees and sync',
    activeReferral(),
    daysAfter(RECEIVED_AT, 1),
    {
      assignees: [
        { id: 'aad-dana', name: 'Dana Kim' },
        { id: 'aad-lee', name: 'Lee Park' },
      ],
      sync: 'failed',
    },
  ],
];
