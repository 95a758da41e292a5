// The referral as Referral Desk keeps it, modelled on Partner Center's Referral resource
// (REST API v1.0, /v1.0/engagements/referrals). See docs/partner-center.md, "The Referral resource".
// Keys never contain '.' or start with '$': FerretDB v1 refuses such keys, and MongoDB discourages them.

export const STATUSES = ['New', 'Active', 'Closed'] as const;
export type Status = (typeof STATUSES)[number];

export const SUBSTATUSES_BY_STATUS = {
  New: ['Pending', 'Received'],
  Active: ['Accepted'],
  Closed: ['Won', 'Lost', 'Declined', 'Expired'],
} as const satisfies Record<Status, readonly string[]>;
export type Substatus = (typeof SUBSTATUSES_BY_STATUS)[Status][number];
export type ClosedSubstatus = (typeof SUBSTATUSES_BY_STATUS)['Closed'][number];

/** Partner Center's customer size buckets, current and older ones. */
export const CUSTOMER_SIZES = [
  '1to9employees',
  '10to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
  '10001to20000employees',
  'Morethan20000employees',
  '1to50employees',
  '51to500employees',
  'Morethan500employees',
] as const;
export type CustomerSize = (typeof CUSTOMER_SIZES)[number];

/** Whether a size as stored (or sent on) is one of the buckets the core knows. */
export const isCustomerSize = (size: string): size is CustomerSize =>
  (CUSTOMER_SIZES as readonly string[]).includes(size);

/** Partner Center's reasons for declining a referral or closing it as lost. */
export const CLOSE_REASONS = [
  'budget-inadequate',
  'customer-unresponsive',
  'chose-another-vendor',
  'requirement-not-met',
  'not-a-customer',
  'timeline-too-short',
  'abuse-spam-phishing',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Coarse purchase timeframes, for when the customer gives no date. */
export const PURCHASE_TIMEFRAMES = [
  'within-1-month',
  '1-3-months',
  '3-6-months',
  '6-12-months',
  'over-12-months',
] as const;
export type PurchaseTimeframe = (typeof PURCHASE_TIMEFRAMES)[number];

export interface Money {
  amount: number;
  /** ISO 4217 alphabetic code, upper case. */
  currency: string;
}

export interface Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: string;
}

/** A person: Partner Center's Member. */
export interface Contact {
  firstName: string;
  lastName?: string;
  email?: string;
  phoneNumber?: string;
}

export interface Solution {
  id: string;
  name: string;
  type?: string;
}

export interface Requirements {
  industries: string[];
  products: string[];
  services: string[];
  solutions: Solution[];
}

export interface CustomerProfile {
  name: string;
  address: Address;
  size?: CustomerSize;
  contacts: Contact[];
}

export interface ReferralDetails {
  notes?: string;
  dealValue?: Money;
  closingAt?: Date;
  requirements: Requirements;
}

export interface Consent {
  shareInfoWithOthers: boolean;
  contact: boolean;
}

/** A person on the partner's team, as Teams knows them (their Entra object id) — the referral's owner. */
export interface Person {
  id: string;
  name: string;
}

/** Who caused a change: a person in Teams, the scheduler, or the referral's source. */
export interface Actor {
  kind: 'user' | 'system' | 'source';
  id: string;
  name: string;
}

export interface PurchaseEstimate {
  date?: Date;
  timeframe?: PurchaseTimeframe;
}

/** What the partner's team records when it takes a referral on. */
export interface Engagement {
  name: string;
  value: Money;
  purchase: PurchaseEstimate;
  notes?: string;
  crmId?: string;
}

export interface DealRegistration {
  value: Money;
  closedAt: Date;
  /** The Microsoft seller or contact who helped, when there was one. */
  microsoftContactEmail?: string;
  notes?: string;
}

export interface Response {
  action: 'accepted' | 'declined';
  by: Actor;
  at: Date;
}

export interface Closure {
  substatus: ClosedSubstatus;
  by: Actor;
  at: Date;
  reason?: CloseReason;
  notes?: string;
  dealRegistration?: DealRegistration;
}

/** Partner Center's `type`: seen by one party (Independent) or worked by two together (Shared). */
export const REFERRAL_TYPES = ['Independent', 'Shared'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** Partner Center's `qualification`: who qualified the customer (docs/partner-center.md, "Co-sell fields"). */
export const QUALIFICATIONS = ['None', 'Direct', 'MarketingQualified', 'SalesQualified'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** Partner Center's `inviteContext`: who invited the partner onto the referral, and their message. */
export interface InviteContext {
  /** The inviter's own message (not the customer's notes, not the engagement's). */
  notes?: string;
  assistanceRequestCode?: string;
  invitedBy?: { organizationId?: string; organizationName?: string };
}

/** The data a source delivers; everything a referral is before anyone acts on it. */
export interface IncomingReferral {
  source: string;
  externalId: string;
  name: string;
  customer: CustomerProfile;
  details: ReferralDetails;
  customerRequestedContact: boolean;
  consent: Consent;
  /** When the source created it (Partner Center's createdDateTime). */
  createdAt: Date;
  /** The source's own expiry, when it gives one. */
  sourceExpiresAt?: Date;
  /**
   * When the source last changed it (Partner Center's updatedDateTime). Source updates are applied only when
   * newer, so deliveries that arrive out of order or twice never take the referral back to an older state.
   */
  sourceModifiedAt?: Date;
  /** Co-sell: what kind of referral Partner Center says it is, and who invited (core/co-sell.ts reads them). */
  type?: ReferralType;
  qualification?: Qualification;
  inviteContext?: InviteContext;
}

export interface Referral extends IncomingReferral {
  id: string;
  status: Status;
  substatus: Substatus;
  /** When Referral Desk first received it; the 24 h / 72 h / 14 day clocks run from here. */
  receivedAt: Date;
  respondByAt: Date;
  expiresAt: Date;
  /** Contact-me referrals only: the end of the 72 h "call now" window. */
  flameEndsAt?: Date;
  engagement?: Engagement;
  /** Extra people from the partner's side (Partner Center's `team`). */
  team: Contact[];
  response?: Response;
  /**
   * Who on the partner's team answers for the referral: whoever accepted it, or whoever it was assigned to. The
   * reminders and warnings name them, and `mine` lists what they own.
   */
  owner?: Person;
  closure?: Closure;
  /** Sequence number of the last event applied to this projection. */
  version: number;
}
