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
    expect(formatDateTime('en', 'Asia/Seoul', AT)).toBe('25 Nov, 09:14 KST');
    expect(formatDateTime('ko', 'Asia/Seoul', AT)).toBe('11월 25일 09:14 KST');
  });

  describe('names the zone of every time', () => {
    const WINTER = new Date('2026-12-01T10:41:00Z');
    const SUMMER = new Date('2026-07-01T10:41:00Z');
    const SEASON = { winter: WINTER, summer: SUMMER };

    it.each([
      ['Asia/Seoul', 'en', 'winter', '1 Dec, 19:41 KST'],
      ['Asia/Seoul', 'ko', 'winter', '12월 1일 19:41 KST'],
      ['UTC', 'en', 'winter', '1 Dec, 10:41 UTC'],
      ['UTC', 'ko', 'winter', '12월 1일 10:41 UTC'],
      ['Europe/Berlin', 'en', 'winter', '1 Dec, 11:41 CET'],
      ['Europe/Berlin', 'en', 'summer', '1 Jul, 12:41 CEST'],
      ['Europe/Berlin', 'ko', 'winter', '12월 1일 11:41 CET'],
      ['Europe/Berlin', 'ko', 'summer', '7월 1일 12:41 CEST'],
      ['Europe/London', 'ko', 'winter', '12월 1일 10:41 GMT'],
      ['Europe/London', 'en', 'summer', '1 Jul, 11:41 BST'],
      ['Asia/Tokyo', 'en', 'winter', '1 Dec, 19:41 JST'],
      ['America/New_York', 'en', 'winter', '1 Dec, 05:41 ET'],
      ['America/Los_Angeles', 'ko', 'summer', '7월 1일 03:41 PT'],
      ['Asia/Kolkata', 'en', 'winter', '1 Dec, 16:11 IST'],
    ] as const)('%s in %s in %s: “%s”', (zone, locale, season, text) => {
      expect(formatDateTime(locale, zone, SEASON[season])).toBe(text);
    });

    it('falls back to the offset for a zone it has no abbreviation for', () => {
      expect(formatDateTime('en', 'Asia/Shanghai', WINTER)).toBe('1 Dec, 18:41 GMT+8');
      expect(formatDateTime('ko', 'America/Sao_Paulo', WINTER)).toBe('12월 1일 07:41 GMT-3');
    });

    it('gives pure dates no zone', () => {
      expect(formatDate('en', 'Europe/Berlin', SUMMER)).toBe('1 Jul 2026');
    });

    it('builds each formatter once per language, zone and shape', () => {
      jest.isolateModules(() => {
        const built = jest.spyOn(Intl, 'DateTimeFormat');
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const fresh = require('../../i18n/format') as typeof import('../../i18n/format');
          for (let i = 0; i < 3; i++) {
            fresh.formatDateTime('en', 'Europe/Berlin', WINTER);
            fresh.formatDateTime('en', 'Europe/Berlin', SUMMER);
          }
          expect(built).toHaveBeenCalledTimes(1);
          fresh.formatDateTime('ko', 'Europe/Berlin', WINTER);
          fresh.formatDate('en', 'Europe/Berlin', WINTER);
          expect(built).toHaveBeenCalledTimes(3);
        } finally {
          built.mockRestore();
        }
      });
    });
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
