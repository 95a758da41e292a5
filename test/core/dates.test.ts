import { addUtcYears, formatUtc, formatUtcDay, parseIsoDate, startOfUtcDay } from '../../core/dates';

describe('parseIsoDate', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T09:12:00Z', '2026-11-20T09:12:00.000Z'],
    ['2026-11-20T09:12Z', '2026-11-20T09:12:00.000Z'],
    ['2026-11-20T09:12:00', '2026-11-20T09:12:00.000Z'],
    ['2026-11-20T10:12:00+01:00', '2026-11-20T09:12:00.000Z'],
    ['2026-11-20T04:12:00-0500', '2026-11-20T09:12:00.000Z'],
    ['2019-02-23T02:05:23.2931817Z', '2019-02-23T02:05:23.293Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['0001-01-01T00:00:00', '0001-01-01T00:00:00.000Z'],
  ])('reads %s as %s, whatever the machine time zone', (text, iso) => {
    expect(parseIsoDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2027-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-11-20T24:00:00Z',
    '2026-11-20T09:60Z',
    '2026-11-20T09:00+25:00',
    '20261120',
    '2026-11-20 junk',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('day arithmetic and formatting', () => {
  it('finds the UTC day a moment falls on', () => {
    expect(startOfUtcDay(new Date('2026-11-20T23:59:59Z'))).toEqual(new Date('2026-11-20T00:00:00Z'));
  });

  it('adds years, landing on 1 March from 29 February', () => {
    expect(addUtcYears(new Date('2028-02-29T00:00:00Z'), 1)).toEqual(new Date('2029-03-01T00:00:00Z'));
  });

  it('names moments and days in UTC', () => {
    expect(formatUtc(new Date('2026-11-24T09:12:45Z'))).toBe('2026-11-24 09:12 UTC');
    expect(formatUtcDay(new Date('2026-11-24T09:12:45Z'))).toBe('2026-11-24');
  });
});
