import { dueNotices } from '../../core/due-notices';
import { activeReferral, daysAfter, hoursAfter, newReferral, RECEIVED_AT } from './fixtures';

describe('dueNotices', () => {
  const fresh = newReferral();
  const contactMe = newReferral({ customerRequestedContact: true });

  it('is quiet during the first 24 h', () => {
    expect(dueNotices(fresh, hoursAfter(RECEIVED_AT, 23))).toEqual([]);
  });

  it('reminds once 24 h have passed without an answer', () => {
    expect(dueNotices(fresh, hoursAfter(RECEIVED_AT, 24))).toEqual(['reminder']);
  });

  it('warns 48 h before expiry instead of nudging', () => {
    expect(dueNotices(fresh, daysAfter(RECEIVED_AT, 12))).toEqual(['warning']);
  });

  it('expires at 14 days, and only expires, however late the scheduler comes', () => {
    expect(dueNotices(fresh, daysAfter(RECEIVED_AT, 14))).toEqual(['expiry']);
    expect(dueNotices(contactMe, daysAfter(RECEIVED_AT, 16))).toEqual(['expiry']);
  });

  it('cools the flame of a contact-me referral at 72 h', () => {
    expect(dueNotices(contactMe, hoursAfter(RECEIVED_AT, 71))).toEqual(['reminder']);
    expect(dueNotices(contactMe, hoursAfter(RECEIVED_AT, 72))).toEqual(['reminder', 'flame']);
  });

  it('says nothing about answered referrals', () => {
    expect(
      dueNotices(activeReferral({ customerRequestedContact: true }), daysAfter(RECEIVED_AT, 20)),
    ).toEqual([]);
  });
});
