import type { Referral } from './referral';

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

export function respondByAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + RESPOND_WITHIN_MS);
}

/** The source's own expiry wins: it is the date Partner Center will actually archive the referral. */
export function expiresAt(receivedAt: Date, sourceExpiresAt?: Date): Date {
  return sourceExpiresAt
    ? new Date(sourceExpiresAt.getTime())
    : new Date(receivedAt.getTime() + EXPIRE_AFTER_MS);
}

export function flameEndsAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + FLAME_WINDOW_MS);
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
