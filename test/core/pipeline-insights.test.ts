import { pipelineInsights } from '../../core/pipeline-insights';
import { summaryOf } from '../../core/referral-summary';
import type { Referral } from '../../core/referral';
import {
  acceptInput,
  activeReferral,
  applyCommand,
  closedReferral,
  dana,
  daysAfter,
  hoursAfter,
  lee,
  newReferral,
  RECEIVED_AT,
} from './fixtures';

const solution = (name: string) => ({ id: name, name });
const withNeeds = (referral: Referral, solutions: string[], industries: string[]): Referral => ({
  ...referral,
  details: {
    ...referral.details,
    requirements: { ...referral.details.requirements, solutions: solutions.map(solution), industries },
  },
});

describe('the managers’ insights', () => {
  // By hand: six referrals.
  //  1. New, received now-1h: inside its 24 h window → pending.
  //  2. New, received 2 days ago, never answered → late.
  //  3. Active, accepted after 1 h (on time), purchase 2027-02-01, 30,000 USD, Azure / Manufacturing.
  //  4. Won after acceptance at 1 h, 30,000 USD, Azure + Security / Manufacturing.
  //  5. Lost after acceptance at 1 h, Security / Retail.
  //  6. Declined after 30 h (late).
  const now = daysAfter(RECEIVED_AT, 2);
  const pending = newReferral({}, hoursAfter(now, -1));
  const late = newReferral({}, daysAfter(RECEIVED_AT, -0));
  const active = withNeeds(activeReferral(), ['Azure'], ['Manufacturing']);
  const won = withNeeds(closedReferral('Won'), ['Azure', 'Security'], ['Manufacturing']);
  const lost = withNeeds(closedReferral('Lost'), ['Security'], ['Retail']);
  const declined = applyCommand(
    newReferral(),
    { type: 'decline', input: { reason: 'not-a-customer' } },
    dana,
    hoursAfter(RECEIVED_AT, 30),
  );
  const all = [pending, late, active, won, lost, declined].map(summaryOf);

  it('counts the funnel received → answered → accepted → won', () => {
    expect(pipelineInsights(all, now).funnel).toEqual({ received: 6, answered: 4, accepted: 3, won: 1 });
  });

  it('measures response against the 24 h recommendation; one still inside its window is pending', () => {
    expect(pipelineInsights(all, now).response).toEqual({ onTime: 3, late: 2, pending: 1, medianHours: 1 });
  });

  it('gives win rate and value by solution and by industry', () => {
    const insights = pipelineInsights(all, now);
    expect(insights.bySolution).toEqual([
      { name: 'Azure', received: 2, accepted: 2, won: 1, lost: 0, winRate: 1, wonValue: 30000 },
      { name: 'Security', received: 2, accepted: 2, won: 1, lost: 1, winRate: 0.5, wonValue: 30000 },
    ]);
    // The fixtures' industry is Manufacturing, so the new, late and declined ones are there too.
    expect(insights.byIndustry).toEqual([
      { name: 'Manufacturing', received: 5, accepted: 2, won: 1, lost: 0, winRate: 1, wonValue: 30000 },
      { name: 'Retail', received: 1, accepted: 1, won: 0, lost: 1, winRate: 0, wonValue: 0 },
    ]);
    expect(insights.currency).toBe('USD');
    expect(insights.otherCurrencies).toBe(0);
  });

  it('sums the pipeline by estimated purchase month, one currency at a time', () => {
    const undated = applyCommand(
      newReferral(),
      { type: 'accept', input: acceptInput({ purchaseDate: '', purchaseTimeframe: '1-3-months' }) },
      lee,
      hoursAfter(RECEIVED_AT, 1),
    );
    const euros = applyCommand(
      newReferral(),
      { type: 'accept', input: acceptInput({ currency: 'EUR', value: '5' }) },
      lee,
      hoursAfter(RECEIVED_AT, 1),
    );
    const insights = pipelineInsights([...all, summaryOf(undated), summaryOf(euros)], now);
    expect(insights.pipelineByMonth).toEqual([{ month: '2027-02', count: 2, value: 30000 }]);
    expect(insights.pipelineUndated).toEqual({ count: 1, value: 30000 });
    expect(insights.otherCurrencies).toBe(1);
  });

  it('has nothing to say about nothing', () => {
    const insights = pipelineInsights([], now);
    expect(insights.funnel).toEqual({ received: 0, answered: 0, accepted: 0, won: 0 });
    expect(insights.response).toEqual({ onTime: 0, late: 0, pending: 0 });
    expect(insights.currency).toBeUndefined();
  });
});
