import type {
  Actor,
  CloseReason,
  Contact,
  DealRegistration,
  Engagement,
  IncomingReferral,
  Money,
  PurchaseEstimate,
} from './referral';

/** Fields of an active engagement that can be edited after acceptance. */
export interface EngagementChanges {
  name?: string;
  value?: Money;
  purchase?: PurchaseEstimate;
  notes?: string;
  crmId?: string;
}

/**
 * What happened to a referral. Every change is one event; the referral document is the fold of its events
 * (see `applyEvent`). Stored in the per-referral log with a unique (referralId, seq).
 */
export type ReferralEventData =
  | { type: 'received'; referral: IncomingReferral }
  | { type: 'accepted'; engagement: Engagement; contacts: Contact[] }
  | { type: 'declined'; reason: CloseReason; notes?: string }
  | { type: 'won'; notes?: string; dealRegistration?: DealRegistration }
  | { type: 'lost'; reason: CloseReason; notes?: string }
  | { type: 'engagement-edited'; changes: EngagementChanges }
  | { type: 'contact-added'; contact: Contact }
  | { type: 'expired' };

export type ReferralEventType = ReferralEventData['type'];

export type ReferralEvent = ReferralEventData & {
  referralId: string;
  /** 1 for `received`, then one more per event, with no gaps. */
  seq: number;
  at: Date;
  actor: Actor;
};
