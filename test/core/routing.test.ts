import { matchScore, parseRoutingClaims, routeReferral, type RoutingClaims } from '../../core/routing';
import { incomingReferral } from './fixtures';

const claims = (overrides: Partial<RoutingClaims>): RoutingClaims => ({
  regions: [],
  countries: [],
  keywords: [],
  sizes: [],
  isDefault: false,
  ...overrides,
});

// The fixture: Redmond, WA, US; 51–250 employees; "Contoso supply chain", notes mention Dynamics 365.
const referral = incomingReferral({
  customer: {
    ...incomingReferral().customer,
    address: { city: 'Redmond', country: 'US', region: 'Americas' },
  },
});

describe('routeReferral', () => {
  it('sends a referral to the channel whose claims fit it best', () => {
    const channel = routeReferral(referral, [
      { channelId: 'americas', claims: claims({ regions: ['americas'] }) },
      { channelId: 'us-dynamics', claims: claims({ countries: ['US'], keywords: ['dynamics'] }) },
      { channelId: 'korea', claims: claims({ countries: ['KR'] }) },
    ]);
    expect(channel).toBe('us-dynamics');
  });

  it('never gives a referral to a channel one of whose stated claims it misses', () => {
    expect(matchScore(referral, claims({ countries: ['US'], sizes: ['1to9employees'] }))).toBe(0);
    expect(matchScore(referral, claims({ keywords: ['security'] }))).toBe(0);
    expect(matchScore(referral, claims({}))).toBe(0);
  });

  it('falls back to the default channel, then to the first channel the bot was installed in', () => {
    const korea = { channelId: 'korea', claims: claims({ countries: ['KR'] }) };
    expect(
      routeReferral(referral, [korea, { channelId: 'general', claims: claims({ isDefault: true }) }]),
    ).toBe('general');
    expect(routeReferral(referral, [{ channelId: 'first' }, korea])).toBe('first');
  });

  it('leaves the referral waiting when the bot is in no channel yet', () => {
    expect(routeReferral(referral, [])).toBeUndefined();
  });

  it('breaks ties in favour of the channel installed first', () => {
    const us = claims({ countries: ['US'] });
    expect(
      routeReferral(referral, [
        { channelId: 'a', claims: us },
        { channelId: 'b', claims: us },
      ]),
    ).toBe('a');
  });
});

describe('parseRoutingClaims', () => {
  it('reads comma-separated lists, normalising countries and sizes', () => {
    const parsed = parseRoutingClaims({
      regions: 'APAC, EMEA',
      countries: 'kr, jp ,KR',
      keywords: 'azure,security',
      sizes: '1to9employees,251TO1000employees',
      isDefault: 'true',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        regions: ['APAC', 'EMEA'],
        countries: ['KR', 'JP'],
        keywords: ['azure', 'security'],
        sizes: ['1to9employees', '251to1000employees'],
        isDefault: true,
      },
    });
  });

  it('treats empty fields as claiming nothing', () => {
    expect(parseRoutingClaims({})).toEqual({
      ok: true,
      value: { regions: [], countries: [], keywords: [], sizes: [], isDefault: false },
    });
  });

  it('names each bad field', () => {
    const parsed = parseRoutingClaims({
      countries: 'Korea',
      sizes: 'huge',
      isDefault: 'maybe',
      keywords: 'x'.repeat(201),
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'countries:not-a-country',
      'keywords:too-long',
      'sizes:not-in-list',
      'isDefault:bad-format',
    ]);
  });

  it('refuses more than 50 items in one list', () => {
    const parsed = parseRoutingClaims({ keywords: Array.from({ length: 51 }, (_, i) => `k${i}`).join(',') });
    expect(parsed.ok || parsed.errors[0]).toMatchObject({ field: 'keywords', code: 'too-many' });
  });
});
