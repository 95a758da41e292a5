import { summaryOf } from '../../core/referral-summary';
import { createResponseStats, median } from '../../core/stats';
import {
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
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
    const stats = createResponseStats();
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
  });

  it('measures from arrival to the first response', () => {
    const late = applyCommand(
      newReferral(),
      { type: 'decline', input: { reason: 'not-a-customer' } },
      dana,
      hoursAfter(RECEIVED_AT, 30),
    );
    const stats = createResponseStats();
    stats.add(summaryOf(late));
    expect(stats.result()).toMatchObject({
      responded: 1,
      medianResponseMs: 30 * 3600_000,
      withinRecommendedShare: 0,
    });
  });
});
