import { summaryOf } from '../../core/referral-summary';
import { createResponseStats, median, responseTimesBy, responseTiming } from '../../core/stats';
import {
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  lee,
  hoursAfter,
  newReferral,
  RECEIVED_AT,
} from './fixtures';

describe('response statistics', () => {
  it('takes the median of the middle pair for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeUndefined();
  });

  it('counts states, outcomes, the median time to first response and the share answered within 24 h', () => {
    // At 30 h: the New one is past its 24 h unanswered, so late.
    const stats = createResponseStats(hoursAfter(RECEIVED_AT, 30));
    stats.add(summaryOf(newReferral()));
    stats.add(summaryOf(activeReferral()));
    stats.add(summaryOf(closedReferral('Won')));
    stats.add(summaryOf(closedReferral('Expired')));
    const result = stats.result();
    expect(result).toMatchObject({
      received: 4,
      stillNew: 1,
      active: 1,
      closed: { Won: 1, Lost: 0, Declined: 0, Expired: 1 },
    });
    // Both responses (the active one and the won one) came one hour after arrival; the other two never got one.
    expect(result).toMatchObject({ responded: 2, medianResponseMs: 3600_000, withinRecommendedShare: 0.5 });
    expect(result).toMatchObject({ onTime: 2, late: 2, pending: 0 });
  });

  it('measures from arrival to the first response', () => {
    const late = applyCommand(
      newReferral(),
      { type: 'decline', input: { reason: 'not-a-customer' } },
      dana,
      hoursAfter(RECEIVED_AT, 30),
    );
    const stats = createResponseStats(hoursAfter(RECEIVED_AT, 40));
    stats.add(summaryOf(late));
    expect(stats.result()).toMatchObject({
      responded: 1,
      medianResponseMs: 30 * 3600_000,
      withinRecommendedShare: 0,
    });
  });

  it('counts a referral still inside its 24 h as pending, not late, and leaves it out of the share', () => {
    // One answered in 1 h (on time), one declined after 30 h (late), one received 5 h before now (pending).
    const now = hoursAfter(RECEIVED_AT, 40);
    const stats = createResponseStats(now);
    stats.add(summaryOf(activeReferral()));
    stats.add(
      summaryOf(
        applyCommand(
          newReferral(),
          { type: 'decline', input: { reason: 'not-a-customer' } },
          dana,
          hoursAfter(RECEIVED_AT, 30),
        ),
      ),
    );
    const fresh = summaryOf(newReferral({}, hoursAfter(now, -5)));
    expect(responseTiming(fresh, now)).toBe('pending');
    // Exactly 24 h after arrival it is late.
    expect(responseTiming(fresh, hoursAfter(now, 19))).toBe('late');
    stats.add(fresh);
    expect(stats.result()).toMatchObject({ onTime: 1, late: 1, pending: 1, withinRecommendedShare: 0.5 });
  });

  it('gives response times per group: median hours and the on-time share of those decided', () => {
    const now = hoursAfter(RECEIVED_AT, 100);
    const answered = (hours: number, by: typeof dana) =>
      summaryOf(
        applyCommand(
          newReferral(),
          { type: 'decline', input: { reason: 'not-a-customer' } },
          by,
          hoursAfter(RECEIVED_AT, hours),
        ),
      );
    // Dana: 2 h, 10 h, 30 h → median 10 h, 2 of 3 on time. Lee: 50 h → 0 of 1. One unanswered: nobody's.
    const referrals = [answered(2, dana), answered(30, dana), answered(10, dana), answered(50, lee)];
    referrals.push(summaryOf(newReferral()));
    const rows = responseTimesBy(referrals, (r) => r.response?.byName, now);
    expect(rows).toEqual([
      {
        key: 'Dana Kim',
        answered: 3,
        medianResponseMs: 10 * 3600_000,
        onTime: 2,
        late: 1,
        onTimeShare: 2 / 3,
      },
      { key: 'Lee Park', answered: 1, medianResponseMs: 50 * 3600_000, onTime: 0, late: 1, onTimeShare: 0 },
    ]);
  });
});
