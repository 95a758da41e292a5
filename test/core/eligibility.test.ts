import { isDealRegistrationEligible, isWonTooSoon } from '../../core/eligibility';
import type { Referral, Solution } from '../../core/referral';
import { RECEIVED_AT, activeReferral, hoursAfter, newReferral } from './fixtures';

function withSolutions(referral: Referral, solutions: Solution[]): Referral {
  return {
    ...referral,
    details: { ...referral.details, requirements: { ...referral.details.requirements, solutions } },
  };
}

const coSell: Solution = { id: 'SOL-34104-EBB', name: 'Contoso Analytics on Azure', type: 'IpCoSell' };

describe('isDealRegistrationEligible', () => {
  it('is eligible: an Azure IP co-sell solution and an engagement of at least USD 25,000', () => {
    const referral = withSolutions(activeReferral(), [coSell]); // engagement: 30,000 USD
    expect(isDealRegistrationEligible(referral)).toBe(true);
  });

  it.each(['IP co-sell', 'CoSell', 'Azure IP Co-Sell', 'ipcosell'])(
    'recognises the solution type "%s"',
    (type) => {
      expect(isDealRegistrationEligible(withSolutions(activeReferral(), [{ ...coSell, type }]))).toBe(true);
    },
  );

  it('is not eligible without a co-sell solution', () => {
    const referral = withSolutions(activeReferral(), [
      { id: 'D365', name: 'Dynamics 365', type: 'Category' },
    ]);
    expect(isDealRegistrationEligible(referral)).toBe(false);
    expect(isDealRegistrationEligible(withSolutions(activeReferral(), [{ id: 'x', name: 'No type' }]))).toBe(
      false,
    );
  });

  it('is eligible at exactly USD 25,000 and not a cent below', () => {
    const at = (amount: number): Referral => {
      const referral = withSolutions(activeReferral(), [coSell]);
      return { ...referral, engagement: { ...referral.engagement!, value: { amount, currency: 'USD' } } };
    };
    expect(isDealRegistrationEligible(at(25000))).toBe(true);
    expect(isDealRegistrationEligible(at(24999.99))).toBe(false);
  });

  it('cannot judge other currencies without exchange rates, so says no', () => {
    const referral = withSolutions(activeReferral(), [coSell]);
    const inEuros = {
      ...referral,
      engagement: { ...referral.engagement!, value: { amount: 900000, currency: 'EUR' } },
    };
    expect(isDealRegistrationEligible(inEuros)).toBe(false);
  });

  it("judges a New referral by the source's deal value", () => {
    expect(isDealRegistrationEligible(withSolutions(newReferral(), [coSell]))).toBe(true); // 50,000 USD
    const small = newReferral({
      details: {
        dealValue: { amount: 5000, currency: 'USD' },
        requirements: newReferral().details.requirements,
      },
    });
    expect(isDealRegistrationEligible(withSolutions(small, [coSell]))).toBe(false);
  });

  it('is not eligible when nobody has put a value on it', () => {
    const noValue = newReferral({ details: { requirements: newReferral().details.requirements } });
    expect(isDealRegistrationEligible(withSolutions(noValue, [coSell]))).toBe(false);
  });
});

describe('isWonTooSoon', () => {
  const acceptedAt = hoursAfter(RECEIVED_AT, 1);

  it('is too soon for the first 72 h after acceptance', () => {
    expect(isWonTooSoon(activeReferral(), hoursAfter(acceptedAt, 71.99))).toBe(true);
    expect(isWonTooSoon(activeReferral(), hoursAfter(acceptedAt, 72))).toBe(false);
  });

  it('has nothing to say about a referral nobody accepted', () => {
    expect(isWonTooSoon(newReferral(), RECEIVED_AT)).toBe(false);
  });
});
