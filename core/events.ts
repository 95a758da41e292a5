import type {
  Actor,
  CloseReason,
  ClosedSubstatus,
  Consent,
  Contact,
  CustomerProfile,
  DealRegistration,
  Engagement,
  IncomingReferral,
  Money,
  Person,
  PurchaseEstimate,
  ReferralDetails,
} from './referral';

/** Fields of an active engagement that can be edited after acceptance. */
export interface EngagementChanges {
  name?: string;
  value?: Money;
  purchase?: PurchaseEstimate;
  notes?: string;
  crmId?: string;
}

/** The referral's own data as the source changed it (a customer's new contact, a later expiry). */
export interface SourceChanges {
  name?: string;
  customer?: CustomerProfile;
  details?: ReferralDetails;
  customerRequestedContact?: boolean;
  consent?: Consent;
  sourceExpiresAt?: Date;
}

/**
 * A state the source reached without us: someone answered in Partner Center itself, or Partner Center expired
 * or closed the referral. Partner Center is the system of record, so the desk follows it.
 */
export type SourceTransition =
  | { status: 'Active'; engagement: Engagement }
  | { status: 'Closed'; substatus: ClosedSubstatus; reason?: CloseReason };

/**
 * What happened to a referral. Every change is one event; the referral document is the fold of its events
 * (see `applyEvent`). Stored in the per-referral log with a unique (referralId, seq).
 */
export type ReferralEventData =
  | {
      type: 'received';
      referral: IncomingReferral;
      /**
       * The state the source already had when the desk first saw the referral (a webhook for one we never saw, a
       * poll after downtime): it is created in that state, never as New with answers that can no longer be given.
       */
      firstSeenAs?: SourceTransition;
    }
  | { type: 'accepted'; engagement: Engagement; contacts: Contact[] }
  | { type: 'declined'; reason: CloseReason; notes?: string }
  | { type: 'won'; notes?: string; dealRegistration?: DealRegistration }
  | { type: 'lost'; reason: CloseReason; notes?: string }
  | { type: 'engagement-edited'; changes: EngagementChanges }
  | { type: 'contact-added'; contact: Contact }
  | { type: 'owner-assigned'; owner: Person }
  | { type: 'expired' }
  | {
      type: 'source-updated';
      changes: SourceChanges;
      transition?: SourceTransition;
      /** The source's modification time this event brings the referral up to. */
      sourceModifiedAt: Date;
    };

export type ReferralEventType = ReferralEventData['type'];

export type ReferralEvent = ReferralEventData & {
  referralId: string;
  /** 1 for `received`, then one more per event, with no gaps. */
  seq: number;
  at: Date;
  actor: Actor;
};
