import { fitHint, MIN_SIMILAR_DECIDED, type FitHistory } from '../../core/fit-hint';
import type { IncomingReferral, Referral } from '../../core/referral';
import { summaryOf } from '../../core/referral-summary';
import { fitHintText } from '../../cards/referral-advice';
import {
  acceptInput,
  applyCommand,
  dana,
  hoursAfter,
  incomingReferral,
  newReferral,
  RECEIVED_AT,
} from './fixtures';

const MIGRATION = { id: 'sol-mig', name: 'Azure migration' };

/** A referral asking for `solution` (with `extra`), received on RECEIVED_AT under its own id. */
function asking(
  id: string,
  solution: { id: string; name: string } | undefined,
  extra: Partial<IncomingReferral> = {},
) {
  const base = incomingReferral();
  const solutions = solution ? [solution] : [];
  const referral = newReferral({
    details: { ...base.details, requirements: { ...base.details.requirements, solutions } },
    ...extra,
  });
  return { ...referral, id };
}

const at = (hours: number) => hoursAfter(RECEIVED_AT, hours);
const accepted = (r: Referral) => applyCommand(r, { type: 'accept', input: acceptInput() }, dana, at(1));
const won = (r: Referral) => applyCommand(accepted(r), { type: 'won', input: {} }, dana, at(100));
const lost = (r: Referral) =>
  applyCommand(accepted(r), { type: 'lost', input: { reason: 'chose-another-vendor' } }, dana, at(100));
const declined = (r: Referral, reason: 'budget-inadequate' | 'not-a-customer') =>
  applyCommand(r, { type: 'decline', input: { reason } }, dana, at(2));

/**
 * By hand: seven decided Azure migration referrals, six accepted (three won, one lost, two still active) and one
 * declined for budget; plus one left unanswered, which is not a decision, and two of another solution.
 */
function seededHistory(): FitHistory[] {
  const m = (n: number) => asking(`mig-${n}`, MIGRATION);
  const other = (n: number) => asking(`other-${n}`, { id: 'sol-m365', name: 'Microsoft 365' });
  return [
    won(m(1)),
    won(m(2)),
    won(m(3)),
    lost(m(4)),
    accepted(m(5)),
    accepted(m(6)),
    declined(m(7), 'budget-inadequate'),
    m(8),
    declined(other(1), 'not-a-customer'),
    declined(other(2), 'not-a-customer'),
  ].map(summaryOf);
}

describe('the fit hint', () => {
  it('states how the team answered referrals of the same solution, with the counts behind it', () => {
    const hint = fitHint(summaryOf(asking('new-1', MIGRATION)), seededHistory());
    expect(hint).toEqual({
      feature: 'solution',
      value: 'Azure migration',
      decided: 7,
      accepted: 6,
      declined: 1,
      won: 3,
      lost: 1,
      topDeclineReason: 'budget-inadequate',
      verdict: 'good',
    });
    expect(fitHintText('en', hint!)).toBe(
      'You accepted 6 of 7 “Azure migration” referrals, won 3 and lost 1 · most declines: Budget is not enough. Looks like a good fit.',
    );
    expect(fitHintText('ko', hint!)).toContain('7건 중 6건을 수락해 3건 성사, 1건 실패');
  });

  it('gives no hint without history, or with fewer decided similar referrals than the threshold', () => {
    expect(fitHint(summaryOf(asking('new-1', MIGRATION)), [])).toBeUndefined();
    const few = seededHistory().filter((h) => ['mig-1', 'mig-2', 'mig-3', 'mig-7'].includes(h.id));
    expect(few.length).toBeLessThan(MIN_SIMILAR_DECIDED);
    // Those four share industry, size and country with it too, so no broader feature has enough either.
    expect(fitHint(summaryOf(asking('new-1', MIGRATION)), few)).toBeUndefined();
  });

  it('falls back to a broader feature when the solution has too little history, and never counts itself', () => {
    // Under the id mig-1 (so that one is skipped) and naming no solution: the other nine share its industry
    // (Manufacturing); eight are decided (mig-8 is not): five accepted of eight, 63 %, a mixed record.
    const hint = fitHint(summaryOf(asking('mig-1', undefined)), seededHistory());
    expect(hint).toMatchObject({ feature: 'industry', value: 'Manufacturing', decided: 8, accepted: 5 });
    expect(hint?.verdict).toBe('mixed');
  });

  it('calls a kind the team mostly declines a poor fit', () => {
    const history = [1, 2, 3, 4, 5].map((n) =>
      summaryOf(declined(asking(`m365-${n}`, { id: 'sol-m365', name: 'Microsoft 365' }), 'not-a-customer')),
    );
    const hint = fitHint(summaryOf(asking('new-2', { id: 'sol-m365', name: 'Microsoft 365' })), history);
    expect(hint).toMatchObject({
      decided: 5,
      accepted: 0,
      verdict: 'poor',
      topDeclineReason: 'not-a-customer',
    });
    expect(fitHintText('en', hint!)).toBe(
      'You accepted 0 of 5 “Microsoft 365” referrals · most declines: Not a real customer. You usually decline these; declining early is fine.',
    );
  });
});
