import {
  EXPIRE_AFTER_MS,
  EXPIRY_WARNING_BEFORE_MS,
  FLAME_WINDOW_MS,
  RESPOND_WITHIN_MS,
  WON_TOO_SOON_MS,
  expiresAt,
  expiryWarningAt,
  flameEndsAt,
  isFlameHot,
  isOverdue,
  msLeft,
  respondByAt,
} from '../../core/timers';
import { dueNotices } from '../../core/due-notices';
import { RECEIVED_AT, activeReferral, daysAfter, hoursAfter, newReferral } from './fixtures';

const HOUR = 60 * 60 * 1000;

describe("Partner Center's clocks", () => {
  it('are 24 h to respond, 14 days to expiry, 72 h of flame, a 48 h expiry warning and 72 h before Won', () => {
    expect(RESPOND_WITHIN_MS).toBe(24 * HOUR);
    expect(EXPIRE_AFTER_MS).toBe(14 * 24 * HOUR);
    expect(FLAME_WINDOW_MS).toBe(72 * HOUR);
    expect(EXPIRY_WARNING_BEFORE_MS).toBe(48 * HOUR);
    expect(WON_TOO_SOON_MS).toBe(72 * HOUR);
  });
});

describe('respondByAt, expiresAt, flameEndsAt', () => {
  it('asks for an answer 24 h after receipt', () => {
    expect(respondByAt(RECEIVED_AT)).toEqual(new Date('2026-11-21T09:00:00Z'));
  });

  it('expires 14 days after receipt', () => {
    expect(expiresAt(RECEIVED_AT)).toEqual(new Date('2026-12-04T09:00:00Z'));
  });

  it("lets the source's own expiry win, earlier or later", () => {
    expect(expiresAt(RECEIVED_AT, new Date('2026-11-30T12:00:00Z'))).toEqual(
      new Date('2026-11-30T12:00:00Z'),
    );
    expect(expiresAt(RECEIVED_AT, new Date('2026-12-20T00:00:00Z'))).toEqual(
      new Date('2026-12-20T00:00:00Z'),
    );
  });

  it('keeps the flame for 72 h', () => {
    expect(flameEndsAt(RECEIVED_AT)).toEqual(new Date('2026-11-23T09:00:00Z'));
  });

  it('warns 48 h before expiry', () => {
    expect(expiryWarningAt(newReferral())).toEqual(new Date('2026-12-02T09:00:00Z'));
  });

  it('returns new dates, never the one it was given', () => {
    const source = new Date('2026-12-01T00:00:00Z');
    expect(expiresAt(RECEIVED_AT, source)).not.toBe(source);
  });
});

describe('msLeft', () => {
  it('counts down to zero and below', () => {
    expect(msLeft(hoursAfter(RECEIVED_AT, 2), RECEIVED_AT)).toBe(2 * HOUR);
    expect(msLeft(RECEIVED_AT, RECEIVED_AT)).toBe(0);
    expect(msLeft(RECEIVED_AT, hoursAfter(RECEIVED_AT, 1))).toBe(-HOUR);
  });
});

describe('isOverdue', () => {
  const referral = newReferral();

  it('is not overdue a minute before the 24 h mark', () => {
    expect(isOverdue(referral, hoursAfter(RECEIVED_AT, 24 - 1 / 60))).toBe(false);
  });

  it('is overdue from the 24 h mark on while still New', () => {
    expect(isOverdue(referral, hoursAfter(RECEIVED_AT, 24))).toBe(true);
    expect(isOverdue(referral, daysAfter(RECEIVED_AT, 10))).toBe(true);
  });

  it('is never overdue once answered', () => {
    expect(isOverdue(activeReferral(), daysAfter(RECEIVED_AT, 3))).toBe(false);
  });
});

describe('isFlameHot', () => {
  const contactMe = newReferral({ customerRequestedContact: true });

  it('burns for 72 h after a contact-me referral arrives', () => {
    expect(isFlameHot(contactMe, RECEIVED_AT)).toBe(true);
    expect(isFlameHot(contactMe, hoursAfter(RECEIVED_AT, 71.9))).toBe(true);
  });

  it('goes out at 72 h', () => {
    expect(isFlameHot(contactMe, hoursAfter(RECEIVED_AT, 72))).toBe(false);
  });

  it('never burns for a referral without the contact-me flag', () => {
    expect(isFlameHot(newReferral(), RECEIVED_AT)).toBe(false);
  });

  it('goes out once somebody responds', () => {
    const accepted = { ...contactMe, status: 'Active' as const };
    expect(isFlameHot(accepted, hoursAfter(RECEIVED_AT, 1))).toBe(false);
  });
});

describe('the expiry warning and expiry, as the scheduler sees them', () => {
  const referral = newReferral();

  it('warns in the last 48 h only', () => {
    expect(dueNotices(referral, hoursAfter(new Date('2026-12-02T09:00:00Z'), -1))).not.toContain('warning');
    expect(dueNotices(referral, new Date('2026-12-02T09:00:00Z'))).toEqual(['warning']);
    expect(dueNotices(referral, new Date('2026-12-04T09:00:00Z'))).not.toContain('warning');
  });

  it('expires from the expiry time on, while still New', () => {
    expect(dueNotices(referral, new Date('2026-12-04T08:59:59Z'))).not.toContain('expiry');
    expect(dueNotices(referral, new Date('2026-12-04T09:00:00Z'))).toEqual(['expiry']);
    expect(dueNotices(activeReferral(), daysAfter(RECEIVED_AT, 20))).toEqual([]);
  });
});
