import { parseAccept, parseClose, parseContact, parseDecline, parseLost, parseWon } from '../../core/inputs';
import type { FieldError, Result } from '../../core/result';
import { acceptInput } from './fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');

function errorsOf<T>(result: Result<T>): FieldError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function codes<T>(result: Result<T>): string[] {
  return errorsOf(result).map((e) => `${e.field}:${e.code}`);
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('Accept form', () => {
  it('turns a filled-in card into an engagement and the extra contacts', () => {
    expect(valueOf(parseAccept(acceptInput(), NOW))).toEqual({
      engagement: {
        name: 'Contoso supply chain rollout',
        value: { amount: 30000, currency: 'USD' },
        purchase: { date: new Date('2027-02-01T00:00:00Z') },
        notes: 'Call Sue on Monday.',
        crmId: 'OPP-1042',
      },
      contacts: [{ firstName: 'Lee', lastName: 'Park', email: 'lee.park@fabrikam.example' }],
    });
  });

  it('takes a timeframe instead of a date', () => {
    const input = acceptInput({ purchaseDate: '', purchaseTimeframe: '3-6-months' });
    expect(valueOf(parseAccept(input, NOW)).engagement.purchase).toEqual({ timeframe: '3-6-months' });
  });

  it('leaves out what was left empty, rather than storing empty strings', () => {
    const input = acceptInput({ notes: '  ', crmId: '', contacts: undefined });
    const { engagement, contacts } = valueOf(parseAccept(input, NOW));
    expect(engagement).not.toHaveProperty('notes');
    expect(engagement).not.toHaveProperty('crmId');
    expect(contacts).toEqual([]);
  });

  it('reports every missing field at once, asking for a date or a timeframe on the date field', () => {
    expect(errorsOf(parseAccept({}, NOW))).toEqual([
      { field: 'engagementName', code: 'required', message: 'Engagement name is required.' },
      { field: 'value', code: 'required', message: 'Estimated value is required.' },
      { field: 'currency', code: 'required', message: 'Currency is required.' },
      {
        field: 'purchaseDate',
        code: 'required',
        message: 'Estimated purchase date or purchase timeframe is required.',
      },
    ]);
  });

  it('reports every invalid field at once', () => {
    const input = acceptInput({
      engagementName: 'x'.repeat(201),
      value: '-100',
      currency: 'dollars',
      purchaseDate: '2026-11-19',
      purchaseTimeframe: 'someday',
      notes: 'n'.repeat(2001),
      crmId: 'has space',
    });
    expect(codes(parseAccept(input, NOW))).toEqual([
      'engagementName:too-long',
      'value:negative',
      'currency:not-a-currency',
      'purchaseDate:date-in-past',
      'purchaseTimeframe:not-in-list',
      'notes:too-long',
      'crmId:bad-format',
    ]);
  });

  it('refuses a purchase date more than 10 years out', () => {
    expect(codes(parseAccept(acceptInput({ purchaseDate: '2037-01-01' }), NOW))).toEqual([
      'purchaseDate:date-too-far',
    ]);
  });

  it('refuses a value that is not a number', () => {
    expect(errorsOf(parseAccept(acceptInput({ value: 'lots' }), NOW))).toEqual([
      {
        field: 'value',
        code: 'not-a-number',
        message: 'Estimated value must be a number, such as 25000 or 25,000.50.',
      },
    ]);
  });

  it('refuses a value over a trillion', () => {
    expect(codes(parseAccept(acceptInput({ value: 2e12 }), NOW))).toEqual(['value:too-large']);
  });

  it('refuses a purchase date that is not a date', () => {
    expect(codes(parseAccept(acceptInput({ purchaseDate: '31/12/2026' }), NOW))).toEqual([
      'purchaseDate:not-a-date',
    ]);
  });

  describe('contacts', () => {
    it('reports problems on each contact by its position', () => {
      const contacts = [
        { firstName: 'Lee', email: 'lee@fabrikam.example' },
        { firstName: '', lastName: 'Nobody', email: 'not-an-email', phoneNumber: '12' },
        { firstName: 'Ana' },
      ];
      expect(errorsOf(parseAccept(acceptInput({ contacts }), NOW))).toEqual([
        { field: 'contacts.1.firstName', code: 'required', message: 'First name of contact 2 is required.' },
        {
          field: 'contacts.1.email',
          code: 'not-an-email',
          message: 'Email of contact 2 must be an email address, such as name@example.com.',
        },
        {
          field: 'contacts.1.phoneNumber',
          code: 'not-a-phone',
          message:
            'Phone number of contact 2 must be a phone number of 6 to 15 digits, optionally starting with + and separated by spaces, dashes, dots or parentheses.',
        },
        {
          field: 'contacts.2.email',
          code: 'required',
          message: 'Email or phone number of contact 3 is required.',
        },
      ]);
    });

    it('skips rows nobody filled in', () => {
      const contacts = [
        { firstName: '', lastName: '', email: '', phoneNumber: '' },
        null,
        { firstName: 'Ana', phoneNumber: '+44 20 7946 0000' },
      ];
      expect(valueOf(parseAccept(acceptInput({ contacts }), NOW)).contacts).toEqual([
        { firstName: 'Ana', phoneNumber: '+44 20 7946 0000' },
      ]);
    });

    it('takes at most 10', () => {
      const contacts = Array.from({ length: 11 }, (_, i) => ({
        firstName: `P${i}`,
        email: `p${i}@x.example`,
      }));
      expect(errorsOf(parseAccept(acceptInput({ contacts }), NOW))).toEqual([
        {
          field: 'contacts',
          code: 'too-many',
          params: { max: 10 },
          message: 'Contacts must have 10 entries or fewer.',
        },
      ]);
    });

    it('wants a list of objects', () => {
      expect(codes(parseAccept(acceptInput({ contacts: 'lee@x.example' }), NOW))).toEqual([
        'contacts:bad-format',
      ]);
      expect(codes(parseAccept(acceptInput({ contacts: ['lee@x.example'] }), NOW))).toEqual([
        'contacts.0:bad-format',
      ]);
    });
  });

  it('refuses an input that is not an object, on the root field', () => {
    expect(errorsOf(parseAccept('accept' as never, NOW))[0]).toEqual({
      field: '',
      code: 'bad-format',
      message: 'The input must be a JSON object.',
    });
  });
});

describe('Decline and Lost forms', () => {
  it("take one of Partner Center's reasons, with optional notes", () => {
    expect(valueOf(parseDecline({ reason: 'budget-inadequate' }))).toEqual({ reason: 'budget-inadequate' });
    expect(
      valueOf(parseLost({ reason: 'Chose-Another-Vendor', notes: ' Went with the incumbent. ' })),
    ).toEqual({
      reason: 'chose-another-vendor',
      notes: 'Went with the incumbent.',
    });
  });

  it('require a reason', () => {
    expect(errorsOf(parseClose({ notes: 'because' }))).toEqual([
      { field: 'reason', code: 'required', message: 'Reason is required.' },
    ]);
  });

  it('refuse a reason that is not on the list', () => {
    expect(errorsOf(parseClose({ reason: 'too-busy' }))[0]).toMatchObject({
      field: 'reason',
      code: 'not-in-list',
      params: {
        allowed:
          'budget-inadequate, customer-unresponsive, chose-another-vendor, requirement-not-met, not-a-customer, timeline-too-short, abuse-spam-phishing, other',
      },
    });
  });

  it('require notes when the reason is "other"', () => {
    expect(errorsOf(parseClose({ reason: 'other', notes: '   ' }))).toEqual([
      { field: 'notes', code: 'required', message: 'Notes are required when the reason is "other".' },
    ]);
    expect(valueOf(parseClose({ reason: 'other', notes: 'Merged with another referral.' })).notes).toBe(
      'Merged with another referral.',
    );
  });

  it('refuse notes over 2000 characters', () => {
    expect(codes(parseClose({ reason: 'other', notes: 'n'.repeat(2001) }))).toEqual(['notes:too-long']);
  });
});

describe('Won form', () => {
  it('needs nothing: a win without a deal registration', () => {
    expect(valueOf(parseWon({}, NOW))).toEqual({});
    expect(valueOf(parseWon({ notes: 'Signed.', dealValue: '', dealCurrency: '' }, NOW))).toEqual({
      notes: 'Signed.',
    });
  });

  it('records a deal registration', () => {
    const input = {
      dealValue: '48,500',
      dealCurrency: 'usd',
      dealClosedOn: '2026-11-18',
      microsoftContactEmail: 'seller@microsoft.com',
      dealNotes: 'Co-sold with the Azure team.',
    };
    expect(valueOf(parseWon(input, NOW))).toEqual({
      dealRegistration: {
        value: { amount: 48500, currency: 'USD' },
        closedAt: new Date('2026-11-18T00:00:00Z'),
        microsoftContactEmail: 'seller@microsoft.com',
        notes: 'Co-sold with the Azure team.',
      },
    });
  });

  it('once any deal field is filled in, requires value, currency and closing date', () => {
    expect(errorsOf(parseWon({ microsoftContactEmail: 'seller@microsoft.com' }, NOW))).toEqual([
      { field: 'dealValue', code: 'required', message: 'Deal value is required.' },
      { field: 'dealCurrency', code: 'required', message: 'Deal currency is required.' },
      { field: 'dealClosedOn', code: 'required', message: 'Deal closing date is required.' },
    ]);
  });

  it('refuses a closing date in the future or more than a year back', () => {
    const base = { dealValue: 30000, dealCurrency: 'USD' };
    expect(codes(parseWon({ ...base, dealClosedOn: '2026-11-21' }, NOW))).toEqual([
      'dealClosedOn:date-in-future',
    ]);
    expect(codes(parseWon({ ...base, dealClosedOn: '2025-11-01' }, NOW))).toEqual([
      'dealClosedOn:date-too-far',
    ]);
  });

  it('checks every deal field', () => {
    const input = {
      notes: 'n'.repeat(2001),
      dealValue: '-1',
      dealCurrency: 'XYZ',
      dealClosedOn: 'soon',
      microsoftContactEmail: 'seller',
      dealNotes: 'n'.repeat(2001),
    };
    expect(codes(parseWon(input, NOW))).toEqual([
      'notes:too-long',
      'dealValue:negative',
      'dealCurrency:not-a-currency',
      'dealClosedOn:not-a-date',
      'microsoftContactEmail:not-an-email',
      'dealNotes:too-long',
    ]);
  });
});

describe('Add contact form', () => {
  it('needs a first name and an email or a phone number', () => {
    expect(
      valueOf(parseContact({ firstName: ' Ana ', lastName: 'Silva', email: 'ana@fabrikam.example' })),
    ).toEqual({
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@fabrikam.example',
    });
    expect(valueOf(parseContact({ firstName: 'Ana', phoneNumber: '+351 21 000 0000' }))).toEqual({
      firstName: 'Ana',
      phoneNumber: '+351 21 000 0000',
    });
  });

  it('says what is missing', () => {
    expect(errorsOf(parseContact({ lastName: 'Silva' }))).toEqual([
      { field: 'firstName', code: 'required', message: 'First name is required.' },
      { field: 'email', code: 'required', message: 'Email or phone number is required.' },
    ]);
  });

  it('does not ask for an email when the one given is just invalid', () => {
    expect(codes(parseContact({ firstName: 'Ana', email: 'ana at fabrikam' }))).toEqual([
      'email:not-an-email',
    ]);
  });

  it('limits names to 100 characters', () => {
    const input = { firstName: 'A'.repeat(101), lastName: 'S'.repeat(101), email: 'a@b.co' };
    expect(errorsOf(parseContact(input))).toEqual([
      {
        field: 'firstName',
        code: 'too-long',
        params: { max: 100 },
        message: 'First name must be 100 characters or fewer.',
      },
      {
        field: 'lastName',
        code: 'too-long',
        params: { max: 100 },
        message: 'Last name must be 100 characters or fewer.',
      },
    ]);
  });
});
