import type { IncomingReferral, Referral } from './referral';
import { PARTNER_CENTER_SOURCE } from './sources';

// The clocks Partner Center runs on (see docs/partner-center.md, "Lifecycle rules").
const HOUR_MS = 60 * 60 * 1000;

/** Microsoft recommends accepting or declining within 24 hours. */
export const RESPOND_WITHIN_MS = 24 * HOUR_MS;
/** Unanswered referrals are archived as Expired after 14 days. */
export const EXPIRE_AFTER_MS = 14 * 24 * HOUR_MS;
/** A contact-me referral shows the flame for 72 hours. */
export const FLAME_WINDOW_MS = 72 * HOUR_MS;
/** How long before expiry to warn; Partner Center's own "expiring" email comes too late for many teams. */
export const EXPIRY_WARNING_BEFORE_MS = 48 * HOUR_MS;
/** A deal registration marked Won within 72 hours of the deal's creation may be rejected. */
export const WON_TOO_SOON_MS = 72 * HOUR_MS;

/**
 * When a referral's clocks (24 h, 72 h, 14 days) start. Partner Center runs them from its own createdDateTime, so a
 * late webhook or a poll after downtime must not move them (docs/partner-center.md, "Deadlines"); a creation time
 * later than our receipt (a skewed clock) is not believed. Other sources' referrals start when we receive them:
 * their createdDateTime is whatever the sender wrote, and nobody else keeps a clock on them.
 */
export function clocksStartAt(
  referral: Pick<IncomingReferral, 'source' | 'createdAt'>,
  receivedAt: Date,
): Date {
  if (referral.source !== PARTNER_CENTER_SOURCE) return receivedAt;
  return new Date(Math.min(referral.createdAt.getTime(), receivedAt.getTime()));
}

export function respondByAt(startAt: Date): Date {
  return new Date(startAt.getTime() + RESPOND_WITHIN_MS);
}

/** The source's own expiry wins: it is the date Partner Center will actually archive the referral. */
export function expiresAt(startAt: Date, sourceExpiresAt?: Date): Date {
  return sourceExpiresAt
    ? new Date(sourceExpiresAt.getTime())
    : new Date(startAt.getTime() + EXPIRE_AFTER_MS);
}

export function flameEndsAt(startAt: Date): Date {
  return new Date(startAt.getTime() + FLAME_WINDOW_MS);
}

/** When the "expires soon" warning is due. */
export function expiryWarningAt(referral: Pick<Referral, 'expiresAt'>): Date {
  return new Date(referral.expiresAt.getTime() - EXPIRY_WARNING_BEFORE_MS);
}

/** Milliseconds from `now` until `until`; negative once it has passed. */
export function msLeft(until: Date, now: Date): number {
  return until.getTime() - now.getTime();
}

/** Still waiting for an answer at or after the 24 h mark. */
export function isOverdue(referral: Pick<Referral, 'status' | 'respondByAt'>, now: Date): boolean {
  return referral.status === 'New' && msLeft(referral.respondByAt, now) <= 0;
}

/** The customer asked to be contacted, nobody has answered yet, and the 72 h window is still open. */
export function isFlameHot(
  referral: Pick<Referral, 'status' | 'customerRequestedContact' | 'flameEndsAt'>,
  now: Date,
): boolean {
  return (
    referral.customerRequestedContact &&
    referral.status === 'New' &&
    referral.flameEndsAt !== undefined &&
    msLeft(referral.flameEndsAt, now) > 0
  );
}
