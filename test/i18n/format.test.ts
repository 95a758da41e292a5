import {
  formatAgo,
  formatCustomerSize,
  formatDate,
  formatDateTime,
  formatLocation,
  formatMoney,
  formatTimeLeft,
} from '../../i18n/format';

const AT = new Date('2026-11-25T00:14:00Z');
const HOUR_MS = 3600_000;
const later = (hours: number) => new Date(AT.getTime() + hours * HOUR_MS);

describe('formatting for people', () => {
  it('writes dates in the viewer language and time zone', () => {
    expect(formatDate('en', 'Asia/Seoul', AT)).toBe('25 Nov 2026');
    expect(formatDate('ko', 'Asia/Seoul', AT)).toBe('2026년 11월 25일');
    expect(formatDate('en', 'America/Los_Angeles', AT)).toBe('24 Nov 2026');
    expect(formatDateTime('en', 'Asia/Seoul', AT)).toBe('25 Nov, 09:14');
    expect(formatDateTime('ko', 'Asia/Seoul', AT)).toBe('11월 25일 09:14');
  });

  it('writes money in its own currency', () => {
    expect(formatMoney('en', { amount: 120000, currency: 'USD' })).toBe('$120,000');
    expect(formatMoney('ko', { amount: 120000, currency: 'USD' })).toBe('US$120,000');
    expect(formatMoney('ko', { amount: 5000000, currency: 'KRW' })).toBe('₩5,000,000');
    expect(formatMoney('en', { amount: 1250.5, currency: 'EUR' })).toBe('€1,250.50');
  });

  it('tells time left and time overdue, never overstating what is left', () => {
    expect(formatTimeLeft('en', later(19), AT)).toBe('19 h left');
    expect(formatTimeLeft('en', later(24 * 3 + 5), AT)).toBe('3 days left');
    expect(formatTimeLeft('en', later(24 * 13 + 23), AT)).toBe('13 days left');
    expect(formatTimeLeft('en', later(-5), AT)).toBe('overdue by 5 h');
    expect(formatTimeLeft('en', later(0.5), AT)).toBe('30 min left');
    expect(formatTimeLeft('ko', later(19), AT)).toBe('19시간 남음');
    expect(formatTimeLeft('ko', later(-5), AT)).toBe('5시간 지남');
    expect(formatAgo('ko', AT, later(24 * 3))).toBe('3일 전');
  });

  it('labels customer sizes and locations', () => {
    expect(formatCustomerSize('en', '1to9employees')).toBe('1–9 employees');
    expect(formatCustomerSize('ko', '1to9employees')).toBe('직원 1–9명');
    expect(formatLocation({ city: 'Seoul', country: 'KR' })).toBe('Seoul, KR');
    expect(formatLocation({ city: 'Redmond', state: 'WA', country: 'US' })).toBe('Redmond, WA, US');
    expect(formatLocation(undefined)).toBe('');
  });
});
