import { actionData, actionFields, isAbout } from '../../tab/pipeline/action-fields';
import { integerTicks } from '../../tab/insights/ticks';
import type { Detail } from '../../tab/api/types';
import { stringsFor } from '../../tab/strings';
import { t } from '../../i18n/catalogue';

const referral = (overrides: Partial<Detail> = {}): Detail => ({
  id: 'k3v9q2m8x1pz',
  shortId: 'k3v9q2',
  name: 'Contoso Pharma — Azure landing zone',
  customer: 'Contoso Pharma Korea',
  state: 'inbox',
  substatus: 'Received',
  solutions: ['Azure Landing Zone Accelerator'],
  industries: ['Healthcare'],
  receivedAt: '2026-12-01T00:00:00Z',
  respondBy: '2026-12-02T00:00:00Z',
  expiresAt: '2026-12-15T00:00:00Z',
  version: 1,
  contacts: [],
  team: [],
  requirements: { solutions: [], products: [], services: [], industries: [] },
  assignees: [{ id: 'aad-lee', name: 'Lee Park' }],
  history: [],
  actions: ['accept', 'decline', 'assign'],
  ...overrides,
});

describe("the tab's action forms", () => {
  const en = stringsFor('en');

  it('asks Accept for what the card asks, labelled as the card labels it, starting from the referral name', () => {
    const fields = actionFields(en, 'accept', referral());
    expect(fields.map((f) => f.name)).toEqual([
      'engagementName',
      'value',
      'currency',
      'purchaseDate',
      'purchaseTimeframe',
      'notes',
      'crmId',
      'contact.firstName',
      'contact.lastName',
      'contact.email',
      'contact.phoneNumber',
    ]);
    expect(fields[0]).toMatchObject({ label: t('en', 'field.engagementName'), required: true });
    expect(fields[0]?.initial).toBe('Contoso Pharma — Azure landing zone');
    expect(fields.find((f) => f.name === 'currency')?.initial).toBe('USD');
  });

  it('offers Decline the core’s reasons in Korean, and Assign the team’s members', () => {
    const reason = actionFields(stringsFor('ko'), 'decline', referral())[0]!;
    expect(reason.choices?.find((c) => c.value === 'not-a-customer')?.label).toBe(
      t('ko', 'reason.not-a-customer'),
    );
    expect(actionFields(en, 'assign', referral())[0]?.choices).toEqual([
      { value: 'aad-lee', label: 'Lee Park' },
    ]);
  });

  it('shows deal registration on Won only for a co-sell deal of at least USD 25,000', () => {
    const won = (value: Detail['value'], coSell: boolean) =>
      actionFields(en, 'won', referral({ value, coSell })).map((f) => f.name);
    expect(won({ amount: 30000, currency: 'USD' }, true)).toContain('dealValue');
    expect(won({ amount: 20000, currency: 'USD' }, true)).toEqual(['notes']);
    expect(won({ amount: 30000, currency: 'EUR' }, true)).toEqual(['notes']);
    expect(won({ amount: 30000, currency: 'USD' }, false)).toEqual(['notes']);
  });

  it('sends the typed values as the core reads them: the extra contact as contacts[0], only when filled in', () => {
    expect(actionData({ value: '120000', 'contact.firstName': '', 'contact.email': ' ' })).toEqual({
      value: '120000',
    });
    expect(
      actionData({ value: '1', 'contact.firstName': 'Mina', 'contact.email': 'mina@example.com' }),
    ).toEqual({
      value: '1',
      contacts: [{ firstName: 'Mina', email: 'mina@example.com' }],
    });
  });

  it('puts a server error under the input it is about', () => {
    expect(isAbout('accept', 'contacts.0.email', 'contact.email')).toBe(true);
    expect(isAbout('accept', 'value.amount', 'value')).toBe(true);
    expect(isAbout('accept', 'accept.value', 'value')).toBe(true);
    expect(isAbout('accept', 'value', 'dealValue')).toBe(false);
  });
});

describe('count axes', () => {
  it('ticks whole numbers only, up to at least the largest count', () => {
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(3)).toEqual([0, 1, 2, 3]);
    expect(integerTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(integerTicks(47).every(Number.isInteger)).toBe(true);
    expect(integerTicks(47).at(-1)).toBeGreaterThanOrEqual(47);
  });
});
