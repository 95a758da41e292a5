import { parseEdit } from '../../core/edit-input';
import type { Engagement } from '../../core/referral';
import type { FieldError, Result } from '../../core/result';

const NOW = new Date('2026-11-20T09:00:00Z');

const CURRENT: Engagement = {
  name: 'Contoso supply chain rollout',
  value: { amount: 30000, currency: 'USD' },
  purchase: { date: new Date('2026-11-01T00:00:00Z') }, // already past: set weeks ago
  notes: 'Call Sue on Monday.',
  crmId: 'OPP-1042',
};

/** What the Edit card sends back: every field, as strings, changed or not. */
const CARD = {
  engagementName: 'Contoso supply chain rollout',
  value: '30000',
  currency: 'USD',
  purchaseDate: '2026-11-01',
  purchaseTimeframe: '',
  notes: 'Call Sue on Monday.',
  crmId: 'OPP-1042',
};

function errorsOf<T>(result: Result<T>): FieldError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('Edit engagement', () => {
  it('changes only the fields that are present', () => {
    expect(valueOf(parseEdit({ engagementName: 'Phase 2' }, CURRENT, NOW))).toEqual({ name: 'Phase 2' });
  });

  it('reports only what differs when the card sends the whole form back', () => {
    expect(valueOf(parseEdit({ ...CARD, notes: 'Budget approved.' }, CURRENT, NOW))).toEqual({
      notes: 'Budget approved.',
    });
  });

  it('lets an unchanged purchase date through even though it has passed', () => {
    expect(valueOf(parseEdit({ ...CARD, crmId: 'OPP-2000' }, CURRENT, NOW))).toEqual({ crmId: 'OPP-2000' });
  });

  it('but refuses a new purchase date in the past', () => {
    expect(errorsOf(parseEdit({ purchaseDate: '2026-11-02' }, CURRENT, NOW))[0]).toMatchObject({
      field: 'purchaseDate',
      code: 'date-in-past',
    });
  });

  it('keeps the currency when only the value changes, and the amount when only the currency does', () => {
    expect(valueOf(parseEdit({ value: '45,000' }, CURRENT, NOW))).toEqual({
      value: { amount: 45000, currency: 'USD' },
    });
    expect(valueOf(parseEdit({ currency: 'eur' }, CURRENT, NOW))).toEqual({
      value: { amount: 30000, currency: 'EUR' },
    });
  });

  it('swaps a date for a timeframe', () => {
    expect(valueOf(parseEdit({ purchaseDate: '', purchaseTimeframe: '6-12-months' }, CURRENT, NOW))).toEqual({
      purchase: { timeframe: '6-12-months' },
    });
  });

  it('keeps the current date when only a timeframe is added', () => {
    expect(valueOf(parseEdit({ purchaseTimeframe: '1-3-months' }, CURRENT, NOW))).toEqual({
      purchase: { date: CURRENT.purchase.date, timeframe: '1-3-months' },
    });
  });

  it('refuses to drop both the date and the timeframe', () => {
    expect(errorsOf(parseEdit({ purchaseDate: '', purchaseTimeframe: '' }, CURRENT, NOW))).toEqual([
      {
        field: 'purchaseDate',
        code: 'required',
        message: 'Estimated purchase date or purchase timeframe is required.',
      },
    ]);
  });

  it('clears notes and CRM ID sent empty, carrying "" as the clearing', () => {
    expect(valueOf(parseEdit({ ...CARD, notes: '', crmId: ' ' }, CURRENT, NOW))).toEqual({
      notes: '',
      crmId: '',
    });
  });

  it('refuses to blank the required fields', () => {
    expect(errorsOf(parseEdit({ engagementName: '', value: '', currency: '' }, CURRENT, NOW))).toEqual([
      { field: 'engagementName', code: 'required', message: 'Engagement name is required.' },
      { field: 'value', code: 'required', message: 'Estimated value is required.' },
      { field: 'currency', code: 'required', message: 'Currency is required.' },
    ]);
  });

  it('checks each present field as Accept does', () => {
    const input = {
      engagementName: 'x'.repeat(201),
      value: 'abc',
      currency: 'ABC',
      notes: 'n'.repeat(2001),
      crmId: 'a b',
    };
    expect(errorsOf(parseEdit(input, CURRENT, NOW)).map((e) => `${e.field}:${e.code}`)).toEqual([
      'engagementName:too-long',
      'value:not-a-number',
      'currency:not-a-currency',
      'notes:too-long',
      'crmId:bad-format',
    ]);
  });

  it('says there is nothing to change when nothing is present, on the root field', () => {
    expect(errorsOf(parseEdit({}, CURRENT, NOW))).toEqual([
      {
        field: '',
        code: 'nothing-to-change',
        message: 'Nothing to change: the engagement already says this.',
      },
    ]);
  });

  it('says there is nothing to change when the card comes back untouched', () => {
    expect(errorsOf(parseEdit(CARD, CURRENT, NOW))[0]?.code).toBe('nothing-to-change');
  });

  it('treats clearing an already-empty field as no change', () => {
    const bare: Engagement = {
      name: 'Bare',
      value: { amount: 1, currency: 'USD' },
      purchase: { timeframe: '3-6-months' },
    };
    expect(errorsOf(parseEdit({ notes: '', crmId: '' }, bare, NOW))[0]?.code).toBe('nothing-to-change');
  });
});
