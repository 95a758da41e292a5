// Referrals in every state, built the way production builds them (receive, decide, commit), on a fixed clock.
import { commit, decide, receive, type Command } from '../../core/lifecycle';
import type { AcceptInput } from '../../core/inputs';
import type { Actor, ClosedSubstatus, IncomingReferral, Referral } from '../../core/referral';

export const RECEIVED_AT = new Date('2026-11-20T09:00:00Z');
export const REFERRAL_ID = 'k3v9q2m8x1pz';

export const dana: Actor = { kind: 'user', id: 'aad-dana', name: 'Dana Kim' };
export const lee: Actor = { kind: 'user', id: 'aad-lee', name: 'Lee Park' };
export const scheduler: Actor = { kind: 'system', id: 'scheduler', name: 'Referral Desk' };
export const partnerCenter: Actor = { kind: 'source', id: 'partner-center', name: 'Partner Center' };

const HOUR_MS = 60 * 60 * 1000;

export function hoursAfter(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

export function daysAfter(at: Date, days: number): Date {
  return hoursAfter(at, days * 24);
}

export function incomingReferral(overrides: Partial<IncomingReferral> = {}): IncomingReferral {
  return {
    source: 'partner-center',
    externalId: '4111fffc-f9ee-4d53-bba6-569135228642',
    name: 'Contoso supply chain',
    customer: {
      name: 'Contoso Customer Inc',
      address: { city: 'Redmond', state: 'WA', country: 'US' },
      size: '51to250employees',
      contacts: [{ firstName: 'Sue', lastName: 'Smith', email: 'sue.smith@contoso.com' }],
    },
    details: {
      notes: 'Wants Dynamics 365 for the supply chain.',
      dealValue: { amount: 50000, currency: 'USD' },
      requirements: { industries: ['Manufacturing'], products: [], services: [], solutions: [] },
    },
    customerRequestedContact: false,
    consent: { shareInfoWithOthers: true, contact: true },
    // Created as it arrives: the clocks run from RECEIVED_AT (a late arrival is specified on its own).
    createdAt: RECEIVED_AT,
    ...overrides,
  };
}

/** A New referral, created in Partner Center and received at `at` (by default 2026-11-20 09:00 UTC). */
export function newReferral(overrides: Partial<IncomingReferral> = {}, at: Date = RECEIVED_AT): Referral {
  return receive(incomingReferral({ createdAt: at, ...overrides }), REFERRAL_ID, partnerCenter, at).referral;
}

export function acceptInput(overrides: AcceptInput = {}): AcceptInput {
  return {
    engagementName: 'Contoso supply chain rollout',
    value: '30,000',
    currency: 'usd',
    purchaseDate: '2027-02-01',
    notes: 'Call Sue on Monday.',
    crmId: 'OPP-1042',
    contacts: [{ firstName: 'Lee', lastName: 'Park', email: 'lee.park@fabrikam.example' }],
    ...overrides,
  };
}

/** Decides and commits `command`; a fixture that fails to apply is a broken test, so it throws. */
export function applyCommand(referral: Referral, command: Command, actor: Actor, now: Date): Referral {
  const decision = decide(referral, command, now);
  if (!decision.ok) {
    throw new Error(
      `fixture: ${command.type} refused: ${JSON.stringify(decision.conflict ?? decision.errors)}`,
    );
  }
  return commit(referral, decision.value, actor, now).referral;
}

/** Accepted by Dana one hour after it arrived (2026-11-20 10:00 UTC). */
export function activeReferral(overrides: Partial<IncomingReferral> = {}): Referral {
  return applyCommand(
    newReferral(overrides),
    { type: 'accept', input: acceptInput() },
    dana,
    hoursAfter(RECEIVED_AT, 1),
  );
}

/** Closure times: declined after 2 h, won or lost after 5 days, expired after 14 days. */
export const CLOSED_AT: Record<ClosedSubstatus, Date> = {
  Declined: hoursAfter(RECEIVED_AT, 2),
  Won: daysAfter(RECEIVED_AT, 5),
  Lost: daysAfter(RECEIVED_AT, 5),
  Expired: daysAfter(RECEIVED_AT, 14),
};

export function closedReferral(substatus: ClosedSubstatus): Referral {
  const at = CLOSED_AT[substatus];
  switch (substatus) {
    case 'Declined':
      return applyCommand(newReferral(), { type: 'decline', input: { reason: 'not-a-customer' } }, dana, at);
    case 'Expired':
      return applyCommand(newReferral(), { type: 'expire' }, scheduler, at);
    case 'Won':
      return applyCommand(activeReferral(), { type: 'won', input: { notes: 'Signed.' } }, lee, at);
    case 'Lost':
      return applyCommand(
        activeReferral(),
        { type: 'lost', input: { reason: 'chose-another-vendor' } },
        lee,
        at,
      );
  }
}

/** A Referral resource as Partner Center's REST API returns it (after the sample in Microsoft's docs). */
export function partnerCenterReferralJson(): Record<string, unknown> {
  return {
    id: '4111fffc-f9ee-4d53-bba6-569135228642',
    engagementId: '37ef26aa-1d15-4533-9f93-a69bd33ab1e5',
    organizationId: '7d23e5ca-19dc-4eaa-aac8-5e6b559f0d1d',
    organizationName: 'Fabrikam Partner',
    name: 'Contoso supply chain',
    externalReferenceId: null,
    createdDateTime: '2026-11-20T08:55:23.2931817Z',
    updatedDateTime: '2026-11-20T08:55:23.2931817Z',
    expirationDateTime: '2026-12-04T08:55:23.2931817Z',
    status: 'New',
    substatus: 'Pending',
    statusReason: null,
    qualification: 'SalesQualified',
    type: 'Independent',
    eTag: '"00006d10-0000-0000-0000-5c70aa630000"',
    customerProfile: {
      name: 'Contoso Customer Inc',
      address: {
        addressLine1: 'One Microsoft Way',
        addressLine2: '34',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'us',
        region: 'NorthAmerica',
      },
      size: '51to250employees',
      team: [
        {
          contactPreference: { locale: 'en-us', disableNotifications: false },
          firstName: 'Sue',
          lastName: 'Smith',
          phoneNumber: '1234567890',
          email: 'sue.smith@contoso.com',
        },
        {
          firstName: 'Joe',
          lastName: 'Hansen',
          phoneNumber: '+1 (403) 569-8759',
          email: 'joe.hansen@contoso.com',
        },
      ],
      ids: [],
    },
    consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
    details: {
      notes: 'Customer is looking to leverage Dynamics 365 to manage their supply chain.',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2027-03-31T00:00:00Z',
      requirements: {
        industries: [{ id: 'Manufacturing' }],
        products: [{ id: 'Dynamics365Enterprise' }],
        services: [{ id: 'DeploymentOrMigration' }],
        solutions: [
          { id: 'Dynamics365forFieldService', name: 'Dynamics 365 for Field Service', type: 'Category' },
        ],
      },
      customerRequestedContact: true,
    },
    team: [{ firstName: 'John', lastName: 'Doe', email: 'john.doe@microsoft.com' }],
    inviteContext: { notes: 'Hoping you can help this customer.', invitedBy: { organizationId: 'msft' } },
    links: {
      self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/4111fffc', method: 'GET' },
    },
  };
}
