import { summaryOf } from '../../core/referral-summary';
import { createDigest } from '../../core/digest';
import { nextDigestAt, parseDigestRequest } from '../../core/digest-schedule';
import { digestCard } from '../../cards/digest-card';
import { t } from '../../i18n/catalogue';
import { cardText } from '../support/teams-client';
import { cardProblems } from '../support/validate-card';
import {
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
} from './fixtures';

describe('the digest, for a fixed data set', () => {
  // Period: the 7 days up to day 6 after RECEIVED_AT.
  const now = daysAfter(RECEIVED_AT, 6);
  const period = { from: daysAfter(RECEIVED_AT, -1), to: now };
  const fresh = newReferral({}, daysAfter(RECEIVED_AT, 5.5)); // 12 h old: awaiting, not overdue
  const stale = newReferral(); // 6 days old: awaiting and overdue
  const expiring = newReferral({}, daysAfter(RECEIVED_AT, -11)); // expires at day 3... out of period, see below
  const active = activeReferral(); // accepted after 1 h: 30,000 USD
  const won = closedReferral('Won'); // accepted after 1 h, won on day 5
  const lost = closedReferral('Lost');
  const declined = closedReferral('Declined'); // declined after 2 h
  const krw = applyCommand(
    newReferral({ externalId: 'krw' }),
    {
      type: 'accept',
      input: {
        engagementName: 'KRW deal',
        value: '90000000',
        currency: 'KRW',
        purchaseTimeframe: '1-3-months',
      },
    },
    dana,
    hoursAfter(RECEIVED_AT, 30),
  );

  function build() {
    const digest = createDigest(period, now);
    // Received in the period: everything but `expiring`.
    for (const r of [fresh, stale, active, won, lost, declined, krw]) digest.received(summaryOf(r));
    for (const r of [fresh, stale, expiring, active, krw]) digest.open(summaryOf(r));
    for (const r of [won, lost, declined]) digest.closed(summaryOf(r));
    return digest.result();
  }

  it('counts new, awaiting, overdue and expiring referrals', () => {
    const d = build();
    expect(d.newInPeriod).toBe(7);
    expect(d.awaiting).toBe(3);
    expect(d.overdue).toBe(2); // stale and expiring are past 24 h
    expect(d.expiringSoon).toBe(1); // expiring: received 11 days before, expires 3 days after RECEIVED_AT
  });

  it('sums the pipeline per currency and the outcomes with their values', () => {
    const d = build();
    expect(d.activeCount).toBe(2);
    expect(d.pipeline).toEqual({ USD: 30000, KRW: 90000000 });
    expect(d.outcomes.Won).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Lost).toEqual({ count: 1, value: { USD: 30000 } });
    expect(d.outcomes.Declined).toEqual({ count: 1, value: {} });
    expect(d.outcomes.Expired.count).toBe(0);
  });

  it('gives the median time to first response and the share answered within 24 h', () => {
    const d = build();
    // Responded: active 1 h, won 1 h, lost 1 h, declined 2 h, krw 30 h → median 1 h. Within 24 h: 4; late: krw and
    // stale (unanswered past 24 h); fresh, 12 h old, is still pending: 4 of 6.
    expect(d.response.responded).toBe(5);
    expect(d.response.medianResponseMs).toBe(3600_000);
    expect(d.response.withinRecommendedShare).toBeCloseTo(4 / 6);
  });

  it.each(['en', 'ko'] as const)('renders as a valid card with those numbers (%s)', (locale) => {
    const card = digestCard({ locale, timeZone: 'Asia/Seoul', now }, build());
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(t(locale, 'digest.overdue'));
    expect(text).toContain('67%');
    expect(text).toMatch(/₩90,000,000|90,000,000/);
    expect(JSON.stringify(card)).toContain('Chart.Donut');
    expect(JSON.stringify(card)).toContain('"type":"Chart.HorizontalBar"');
  });

  it('lists what waits by name, the longest-waiting first, and the open work per owner', () => {
    const d = build();
    // Overdue: expiring (24 h ran out on day -10) before stale (day 1); expiring is also the one expiring soon.
    expect(d.overdueItems.map((i) => i.at)).toEqual([
      hoursAfter(RECEIVED_AT, -10 * 24),
      hoursAfter(RECEIVED_AT, 24),
    ]);
    expect(d.expiringItems).toHaveLength(1);
    expect(d.overdueItems[0]).toMatchObject({
      customer: 'Contoso Customer Inc',
      name: 'Contoso supply chain',
    });
    // Dana accepted active and krw; the three New ones have no owner yet, and come last.
    expect(d.workload).toEqual([
      { owner: { id: dana.id, name: dana.name }, awaiting: 0, active: 2 },
      { awaiting: 3, active: 0 },
    ]);
    // Nothing Active is past its purchase date (active's is 2027-02-01; krw has only a timeframe).
    expect(d.reportBackDue).toBe(0);
  });
});

describe('digest schedules', () => {
  it('parses daily, weekly, off and now, and refuses nonsense', () => {
    expect(parseDigestRequest([], 'UTC')).toMatchObject({ ok: true, value: { kind: 'now' } });
    expect(parseDigestRequest(['off'], 'UTC')).toMatchObject({ ok: true, value: { kind: 'off' } });
    expect(parseDigestRequest(['daily', '08:00'], 'Asia/Seoul')).toMatchObject({
      ok: true,
      value: {
        kind: 'subscribe',
        schedule: { cadence: 'daily', hour: 8, minute: 0, timeZone: 'Asia/Seoul' },
      },
    });
    expect(parseDigestRequest(['weekly', 'mon', '09:30', 'Europe/Berlin'], 'UTC')).toMatchObject({
      ok: true,
      value: { schedule: { cadence: 'weekly', weekday: 1, hour: 9, minute: 30, timeZone: 'Europe/Berlin' } },
    });
    expect(parseDigestRequest(['hourly'], 'UTC').ok).toBe(false);
    expect(parseDigestRequest(['daily', '25:00'], 'UTC').ok).toBe(false);
    expect(parseDigestRequest(['daily', '08:00', 'Mars/Olympus'], 'UTC').ok).toBe(false);
  });

  it('finds the next 08:00 in the subscriber’s zone, across a DST change', () => {
    const seoul = { cadence: 'daily' as const, hour: 8, minute: 0, timeZone: 'Asia/Seoul' };
    expect(nextDigestAt(seoul, new Date('2026-11-25T00:00:00Z')).toISOString()).toBe(
      '2026-11-25T23:00:00.000Z',
    );
    // New York leaves daylight time on 1 Nov 2026: 08:00 is 12:00 UTC before, 13:00 UTC after.
    const ny = { cadence: 'daily' as const, hour: 8, minute: 0, timeZone: 'America/New_York' };
    expect(nextDigestAt(ny, new Date('2026-10-31T13:00:00Z')).toISOString()).toBe('2026-11-01T13:00:00.000Z');
    const monday = { cadence: 'weekly' as const, weekday: 1, hour: 8, minute: 0, timeZone: 'UTC' };
    expect(nextDigestAt(monday, new Date('2026-11-25T00:00:00Z')).toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });
});
