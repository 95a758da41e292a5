import { parseIncomingReferral } from '../../core/intake';
import type { IncomingReferral } from '../../core/referral';
import type { FieldError, Result } from '../../core/result';
import { partnerCenterReferralJson } from './fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');

function parse(body: unknown): Result<IncomingReferral> {
  return parseIncomingReferral(body, 'partner-center', NOW);
}

function valueOf(result: Result<IncomingReferral>): IncomingReferral {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(result: Result<IncomingReferral>): FieldError[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

/** The Partner Center payload with `patch` applied at a dotted path. */
function withField(path: string, patch: unknown): Record<string, unknown> {
  const body = partnerCenterReferralJson();
  const keys = path.split('.');
  let target: Record<string, unknown> = body;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]!] = patch;
  return body;
}

describe('parseIncomingReferral: a realistic Partner Center referral', () => {
  it('reads every field Referral Desk keeps', () => {
    expect(valueOf(parse(partnerCenterReferralJson()))).toEqual({
      source: 'partner-center',
      externalId: '4111fffc-f9ee-4d53-bba6-569135228642',
      name: 'Contoso supply chain',
      customer: {
        name: 'Contoso Customer Inc',
        address: {
          addressLine1: 'One Microsoft Way',
          addressLine2: '34',
          city: 'Redmond',
          state: 'WA',
          postalCode: '98052',
          region: 'NorthAmerica',
          country: 'US',
        },
        size: '51to250employees',
        contacts: [
          { firstName: 'Sue', lastName: 'Smith', phoneNumber: '1234567890', email: 'sue.smith@contoso.com' },
          {
            firstName: 'Joe',
            lastName: 'Hansen',
            phoneNumber: '+1 (403) 569-8759',
            email: 'joe.hansen@contoso.com',
          },
        ],
      },
      details: {
        notes: 'Customer is looking to leverage Dynamics 365 to manage their supply chain.',
        dealValue: { amount: 50000, currency: 'USD' },
        closingAt: new Date('2027-03-31T00:00:00Z'),
        requirements: {
          industries: ['Manufacturing'],
          products: ['Dynamics365Enterprise'],
          services: ['DeploymentOrMigration'],
          solutions: [
            { id: 'Dynamics365forFieldService', name: 'Dynamics 365 for Field Service', type: 'Category' },
          ],
        },
      },
      customerRequestedContact: true,
      consent: { shareInfoWithOthers: true, contact: true },
      createdAt: new Date('2026-11-20T08:55:23.293Z'),
      sourceExpiresAt: new Date('2026-12-04T08:55:23.293Z'),
      // Co-sell: Independent, SalesQualified and invited by "msft" is Microsoft's qualified lead.
      type: 'Independent',
      qualification: 'SalesQualified',
      inviteContext: { notes: 'Hoping you can help this customer.', invitedBy: { organizationId: 'msft' } },
    });
  });

  it('copies no key it does not know, so nothing odd reaches the store', () => {
    const body: Record<string, unknown> = { ...partnerCenterReferralJson(), $where: 'sleep(1000)', 'a.b': 1 };
    (body.customerProfile as Record<string, unknown>)['$set'] = { x: 1 };
    const serialized = JSON.stringify(valueOf(parse(body)));
    expect(serialized).not.toMatch(/\$where|\$set|"a\.b"|eTag|links/);
  });

  it('keeps the co-sell fields by name only, and leaves out a type or qualification it does not know', () => {
    const body = {
      ...partnerCenterReferralJson(),
      type: 'SomethingNew',
      qualification: 'salesqualified',
      inviteContext: {
        notes: 'Please call the CIO.',
        invitedBy: { organizationName: 'Fabrikam', $where: 1 },
        'a.b': 1,
      },
    };
    const referral = valueOf(parse(body));
    expect(referral.type).toBeUndefined();
    expect(referral.qualification).toBe('SalesQualified');
    expect(referral.inviteContext).toEqual({
      notes: 'Please call the CIO.',
      invitedBy: { organizationName: 'Fabrikam' },
    });
    expect(errorsOf(parse({ ...body, inviteContext: { notes: 'x'.repeat(4001) } }))[0]?.field).toBe(
      'inviteContext.notes',
    );
  });
});

describe('parseIncomingReferral: defaults for what a source leaves out', () => {
  const minimal = { id: 'lead-77', customerProfile: { name: 'Tailspin Toys' } };

  it('needs only an id and a customer name', () => {
    expect(valueOf(parse(minimal))).toEqual({
      source: 'partner-center',
      externalId: 'lead-77',
      name: 'Tailspin Toys',
      customer: { name: 'Tailspin Toys', address: {}, contacts: [] },
      details: { requirements: { industries: [], products: [], services: [], solutions: [] } },
      customerRequestedContact: false,
      consent: { shareInfoWithOthers: false, contact: false },
      createdAt: NOW,
    });
  });

  it('names the referral after the customer when it has no name, and falls back to now for its creation', () => {
    const referral = valueOf(
      parse({ ...minimal, name: null, createdDateTime: null, expirationDateTime: null }),
    );
    expect(referral.name).toBe('Tailspin Toys');
    expect(referral.createdAt).toEqual(NOW);
    expect(referral).not.toHaveProperty('sourceExpiresAt');
  });

  it('accepts both spellings of the share-consent flag, the intended one first', () => {
    const both = {
      ...minimal,
      consent: { consentToShareInfoWithOthers: false, consentToToShareInfoWithOthers: true },
    };
    expect(valueOf(parse(both)).consent.shareInfoWithOthers).toBe(false);
    const right = { ...minimal, consent: { consentToShareInfoWithOthers: true } };
    expect(valueOf(parse(right)).consent.shareInfoWithOthers).toBe(true);
  });

  it('takes requirement names as strings too, and a solution named only by id', () => {
    const details = {
      requirements: { industries: ['Retail', ''], solutions: [{ id: 'SOL-1', type: 'IpCoSell' }] },
    };
    const { requirements } = valueOf(parse({ ...minimal, details })).details;
    expect(requirements.industries).toEqual(['Retail']);
    expect(requirements.solutions).toEqual([{ id: 'SOL-1', name: 'SOL-1', type: 'IpCoSell' }]);
  });

  it('drops customer contacts with nothing in them and keeps what the customer typed', () => {
    const team = [
      { firstName: '', email: null },
      { lastName: 'Nakamura', phoneNumber: '03-1234-5678 ext. 9' },
    ];
    const referral = valueOf(parse({ ...minimal, customerProfile: { name: 'Tailspin Toys', team } }));
    expect(referral.customer.contacts).toEqual([
      { firstName: '', lastName: 'Nakamura', phoneNumber: '03-1234-5678 ext. 9' },
    ]);
  });

  it('matches customer sizes regardless of case', () => {
    const body = withField('customerProfile.size', 'morethan20000employees');
    expect(valueOf(parse(body)).customer.size).toBe('Morethan20000employees');
  });

  it('ignores a zero deal value without a currency', () => {
    const body = { ...minimal, details: { dealValue: 0, currency: null } };
    expect(valueOf(parse(body)).details).not.toHaveProperty('dealValue');
  });
});

describe('parseIncomingReferral: refusals, on the path of the JSON field', () => {
  it.each([null, [], 'referral', 42, undefined])('refuses a body that is not an object: %j', (body) => {
    expect(errorsOf(parse(body))).toEqual([
      { field: '', code: 'bad-format', message: 'The referral must be a JSON object.' },
    ]);
  });

  it('refuses a bad country', () => {
    expect(errorsOf(parse(withField('customerProfile.address.country', 'USA')))).toEqual([
      {
        field: 'customerProfile.address.country',
        code: 'not-a-country',
        message: 'Country must be a two-letter ISO 3166 country code, such as US or DE.',
      },
    ]);
  });

  it('refuses a bad customer size', () => {
    expect(errorsOf(parse(withField('customerProfile.size', '50employees')))[0]).toMatchObject({
      field: 'customerProfile.size',
      code: 'not-in-list',
    });
  });

  it('refuses a bad currency', () => {
    expect(errorsOf(parse(withField('details.currency', 'DOLLAR')))).toEqual([
      {
        field: 'details.currency',
        code: 'not-a-currency',
        message: 'Currency must be a three-letter ISO 4217 currency code, such as USD or EUR.',
      },
    ]);
  });

  it('refuses a negative deal value', () => {
    expect(errorsOf(parse(withField('details.dealValue', -50000)))).toEqual([
      { field: 'details.dealValue', code: 'negative', message: 'Deal value must be 0 or more.' },
    ]);
  });

  it('refuses a deal value without a currency', () => {
    expect(errorsOf(parse(withField('details.currency', null)))).toEqual([
      { field: 'details.currency', code: 'required', message: 'Currency is required with a deal value.' },
    ]);
  });

  it('refuses customer notes over 4000 characters', () => {
    expect(errorsOf(parse(withField('details.notes', 'n'.repeat(4001))))).toEqual([
      {
        field: 'details.notes',
        code: 'too-long',
        params: { max: 4000 },
        message: 'Customer notes must be 4000 characters or fewer.',
      },
    ]);
  });

  it('requires an id and a customer name', () => {
    const body = partnerCenterReferralJson();
    delete body.id;
    (body.customerProfile as Record<string, unknown>).name = '  ';
    expect(errorsOf(parse(body))).toEqual([
      { field: 'id', code: 'required', message: 'Referral id is required.' },
      { field: 'customerProfile.name', code: 'required', message: 'Customer name is required.' },
    ]);
  });

  it('refuses an id that is too long or not printable', () => {
    expect(errorsOf(parse(withField('id', 'x'.repeat(201))))[0]).toMatchObject({
      field: 'id',
      code: 'too-long',
    });
    expect(errorsOf(parse(withField('id', 'abc\u0000def')))).toEqual([
      { field: 'id', code: 'bad-format', message: 'Referral id may contain only printable characters.' },
    ]);
  });

  it('refuses dates that are not dates', () => {
    const body = withField('createdDateTime', 'yesterday');
    (body.details as Record<string, unknown>).closingDateTime = '2027-02-30';
    expect(errorsOf(parse(body)).map((e) => `${e.field}:${e.code}`)).toEqual([
      'createdDateTime:not-a-date',
      'details.closingDateTime:not-a-date',
    ]);
  });

  it('refuses a solution without id or name, and lists of the wrong shape', () => {
    const body = withField('details.requirements', {
      industries: 'Retail',
      products: Array.from({ length: 51 }, (_, i) => `P${i}`),
      solutions: [{ type: 'IpCoSell' }],
    });
    expect(errorsOf(parse(body)).map((e) => `${e.field}:${e.code}`)).toEqual([
      'details.requirements.industries:bad-format',
      'details.requirements.products:too-many',
      'details.requirements.solutions.0.name:required',
    ]);
  });

  it('refuses a solution name over 200 characters', () => {
    const body = withField('details.requirements.solutions', [{ id: 'S', name: 'n'.repeat(201) }]);
    expect(errorsOf(parse(body))[0]).toMatchObject({
      field: 'details.requirements.solutions.0.name',
      code: 'too-long',
    });
  });

  it('refuses flags that are not true or false, and sections that are not objects', () => {
    const body = withField('consent', { consentToContact: 'maybe' });
    body.details = 'none';
    expect(errorsOf(parse(body)).map((e) => `${e.field}:${e.code}`)).toEqual([
      'consent.consentToContact:bad-format',
      'details:bad-format',
    ]);
  });

  it('reports all problems at once', () => {
    const body = withField('customerProfile.address.country', 'XX');
    (body.details as Record<string, unknown>).currency = 'ABC';
    (body.customerProfile as Record<string, unknown>).size = 'huge';
    expect(errorsOf(parse(body))).toHaveLength(3);
  });
});
