import {
  amount,
  collectErrors,
  country,
  crmId,
  currency,
  date,
  email,
  field,
  flag,
  futureDate,
  isBlank,
  list,
  oneOf,
  pastDate,
  phone,
  record,
  required,
  text,
  type Check,
} from '../../core/validation';
import { CURRENCIES } from '../../core/currencies';
import { COUNTRIES } from '../../core/countries';

const NOW = new Date('2026-11-20T09:00:00Z');
const F = field('value', 'Estimated value');

function refused<T>(check: Check<T>) {
  if (check.ok) throw new Error(`expected a refusal, got ${JSON.stringify(check.value)}`);
  return check.error;
}

function value<T>(check: Check<T>): T {
  if (!check.ok) throw new Error(`expected a value, got ${check.error.message}`);
  return check.value;
}

describe('blank input', () => {
  it.each([undefined, null, '', '   ', '\n\t'])('treats %j as left empty', (raw) => {
    expect(isBlank(raw)).toBe(true);
    expect(value(text(raw, F, 10))).toBeUndefined();
  });

  it('turns left-empty into "required", naming the field', () => {
    expect(refused(required(F, text('  ', F, 10)))).toEqual({
      field: 'value',
      code: 'required',
      message: 'Estimated value is required.',
    });
  });
});

describe('text', () => {
  const name = field('engagementName', 'Engagement name');

  it('trims', () => {
    expect(value(text('  Contoso  ', name, 200))).toBe('Contoso');
  });

  it('refuses text over the limit, saying the limit', () => {
    expect(refused(text('x'.repeat(201), name, 200))).toEqual({
      field: 'engagementName',
      code: 'too-long',
      params: { max: 200 },
      message: 'Engagement name must be 200 characters or fewer.',
    });
  });

  it('counts an emoji as one character', () => {
    expect(value(text('🔥'.repeat(200), name, 200))).toHaveLength(400);
  });

  it('takes numbers as their digits but refuses objects', () => {
    expect(value(text(98052, name, 10))).toBe('98052');
    expect(refused(text({ a: 1 }, name, 10))).toMatchObject({
      code: 'bad-format',
      message: 'Engagement name must be text.',
    });
  });
});

describe('amount', () => {
  it.each([
    [25000, 25000],
    ['25000', 25000],
    ['25,000', 25000],
    ['1,234,567.89', 1234567.89],
    [' 25 000 ', 25000],
    ['25\u00a0000', 25000],
    ['0', 0],
    ['-0', 0],
    ['.5', 0.5],
    ['1000000000000', 1e12],
  ])('reads %j as %d', (raw, expected) => {
    expect(value(amount(raw, F))).toBe(expected);
  });

  it.each(['25,5', '2,50,000', 'abc', '25k', '1e6', '$25', '--5', NaN, Infinity, true, {}])(
    'refuses %j as not a number',
    (raw) => {
      expect(refused(amount(raw, F))).toEqual({
        field: 'value',
        code: 'not-a-number',
        message: 'Estimated value must be a number, such as 25000 or 25,000.50.',
      });
    },
  );

  it('refuses a negative amount', () => {
    expect(refused(amount('-1', F))).toEqual({
      field: 'value',
      code: 'negative',
      message: 'Estimated value must be 0 or more.',
    });
    expect(refused(amount(-0.01, F)).code).toBe('negative');
  });

  it('refuses more than a trillion', () => {
    expect(refused(amount(1e12 + 1, F))).toEqual({
      field: 'value',
      code: 'too-large',
      params: { max: 1e12 },
      message: 'Estimated value must be 1,000,000,000,000 or less.',
    });
    expect(refused(amount('9'.repeat(400), F)).code).toBe('too-large');
  });
});

describe('currency', () => {
  const cur = field('currency', 'Currency');

  it('upper-cases a known ISO 4217 code', () => {
    expect(value(currency(' usd ', cur))).toBe('USD');
    expect(value(currency('eur', cur))).toBe('EUR');
  });

  it.each(['US$', 'XYZ', 'EURO', 'HRK', 'XAU', 840])('refuses %j', (raw) => {
    expect(refused(currency(raw, cur))).toEqual({
      field: 'currency',
      code: 'not-a-currency',
      message: 'Currency must be a three-letter ISO 4217 currency code, such as USD or EUR.',
    });
  });

  it('ships a list of distinct three-letter upper-case codes', () => {
    expect(new Set(CURRENCIES).size).toBe(CURRENCIES.length);
    expect(CURRENCIES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(CURRENCIES).toEqual(
      expect.arrayContaining(['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CHF', 'XCG', 'ZWG']),
    );
  });
});

describe('date', () => {
  const d = field('purchaseDate', 'Estimated purchase date');

  it('reads YYYY-MM-DD as midnight UTC, and full ISO 8601 with its offset', () => {
    expect(value(date('2027-01-15', d))).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(value(date('2027-01-15T10:30:00+02:00', d))).toEqual(new Date('2027-01-15T08:30:00Z'));
    expect(value(date('2019-02-23T02:05:23.2931817Z', d))).toEqual(new Date('2019-02-23T02:05:23.293Z'));
  });

  it.each(['2027-02-30', '2027-13-01', '15/01/2027', 'tomorrow', '2027-1-5', 20270115])(
    'refuses %j',
    (raw) => {
      expect(refused(date(raw, d))).toEqual({
        field: 'purchaseDate',
        code: 'not-a-date',
        message: 'Estimated purchase date must be a date, such as 2026-12-31.',
      });
    },
  );
});

describe('futureDate (estimated purchase date)', () => {
  const d = field('purchaseDate', 'Estimated purchase date');

  it('accepts today, by the UTC date of now', () => {
    expect(value(futureDate('2026-11-20', d, NOW))).toEqual(new Date('2026-11-20T00:00:00Z'));
  });

  it('refuses yesterday', () => {
    expect(refused(futureDate('2026-11-19', d, NOW))).toEqual({
      field: 'purchaseDate',
      code: 'date-in-past',
      params: { min: '2026-11-20' },
      message: 'Estimated purchase date must be today (2026-11-20) or later.',
    });
  });

  it('accepts 10 years ahead to the day, and refuses the day after', () => {
    expect(futureDate('2036-11-20', d, NOW).ok).toBe(true);
    expect(refused(futureDate('2036-11-21', d, NOW))).toEqual({
      field: 'purchaseDate',
      code: 'date-too-far',
      params: { maxYears: 10 },
      message: 'Estimated purchase date must be within 10 years from today.',
    });
  });
});

describe('pastDate (deal closing date)', () => {
  const d = field('dealClosedOn', 'Deal closing date');

  it('accepts today and a year ago to the day', () => {
    expect(pastDate('2026-11-20', d, NOW, 1).ok).toBe(true);
    expect(pastDate('2025-11-20', d, NOW, 1).ok).toBe(true);
  });

  it('refuses tomorrow', () => {
    expect(refused(pastDate('2026-11-21', d, NOW, 1))).toEqual({
      field: 'dealClosedOn',
      code: 'date-in-future',
      message: 'Deal closing date must not be in the future.',
    });
  });

  it('refuses more than a year back', () => {
    expect(refused(pastDate('2025-11-19', d, NOW, 1))).toEqual({
      field: 'dealClosedOn',
      code: 'date-too-far',
      params: { maxYears: 1 },
      message: 'Deal closing date must be within the last year.',
    });
  });
});

describe('email', () => {
  const e = field('email', 'Email');

  it.each(['dana@contoso.com', 'dana.kim+referrals@mail.contoso.co.uk', "o'neil@example.ie"])(
    'accepts %s',
    (raw) => {
      expect(value(email(raw, e))).toBe(raw);
    },
  );

  it.each(['dana', 'dana@', '@contoso.com', 'dana@contoso', 'dana kim@contoso.com', 'a@b..com', 'a,b@c.com'])(
    'refuses %j',
    (raw) => {
      expect(refused(email(raw, e))).toEqual({
        field: 'email',
        code: 'not-an-email',
        message: 'Email must be an email address, such as name@example.com.',
      });
    },
  );

  it('refuses more than 254 characters', () => {
    expect(refused(email(`${'a'.repeat(250)}@b.co`, e))).toMatchObject({
      code: 'too-long',
      params: { max: 254 },
    });
  });
});

describe('phone', () => {
  const p = field('phoneNumber', 'Phone number');

  it.each(['+1 (425) 555-0100', '425.555.0100', '+44 20 7946 0000', '123456', '+123456789012345'])(
    'accepts %s',
    (raw) => {
      expect(value(phone(raw, p))).toBe(raw);
    },
  );

  it.each(['12345', '+1234567890123456', '425-555-0100 ext 12', '1+425', 'call me'])('refuses %j', (raw) => {
    expect(refused(phone(raw, p))).toEqual({
      field: 'phoneNumber',
      code: 'not-a-phone',
      message:
        'Phone number must be a phone number of 6 to 15 digits, optionally starting with + and separated by spaces, dashes, dots or parentheses.',
    });
  });

  it('refuses more than 32 characters', () => {
    expect(refused(phone('1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7', p)).code).toBe('too-long');
  });
});

describe('oneOf', () => {
  const r = field('reason', 'Reason');
  const allowed = ['budget-inadequate', 'other'] as const;

  it('matches without regard to case and returns the listed spelling', () => {
    expect(value(oneOf(' Other ', r, allowed))).toBe('other');
  });

  it('refuses anything else, listing what is allowed', () => {
    expect(refused(oneOf('too-expensive', r, allowed))).toEqual({
      field: 'reason',
      code: 'not-in-list',
      params: { allowed: 'budget-inadequate, other' },
      message: 'Reason must be one of: budget-inadequate, other.',
    });
  });
});

describe('country', () => {
  const c = field('customerProfile.address.country', 'Country');

  it('upper-cases an ISO 3166-1 alpha-2 code', () => {
    expect(value(country('de', c))).toBe('DE');
    expect(value(country('XK', c))).toBe('XK');
  });

  it.each(['UK', 'USA', 'EU', 'ZZ', 'U'])('refuses %j', (raw) => {
    expect(refused(country(raw, c))).toEqual({
      field: 'customerProfile.address.country',
      code: 'not-a-country',
      message: 'Country must be a two-letter ISO 3166 country code, such as US or DE.',
    });
  });

  it('knows the 249 official codes, plus Kosovo', () => {
    expect(new Set(COUNTRIES).size).toBe(250);
  });
});

describe('crmId', () => {
  const id = field('crmId', 'CRM ID');

  it.each(['OPP-1042', '0065g00000AbCdE', 'opp:2026/11#7', 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'])(
    'accepts %s',
    (raw) => {
      expect(value(crmId(raw, id))).toBe(raw);
    },
  );

  it.each(['OPP 1042', 'opp<script>', 'Ω-1'])('refuses %j', (raw) => {
    expect(refused(crmId(raw, id))).toEqual({
      field: 'crmId',
      code: 'bad-format',
      message: 'CRM ID may contain only letters, digits and . _ : / # -',
    });
  });

  it('refuses more than 100 characters', () => {
    expect(refused(crmId('x'.repeat(101), id))).toMatchObject({ code: 'too-long', params: { max: 100 } });
  });
});

describe('flag, record and list', () => {
  const f = field('consent.consentToContact', 'Consent to contact');

  it('reads booleans, and the "true"/"false" strings Input.Toggle sends', () => {
    expect(value(flag(true, f))).toBe(true);
    expect(value(flag('false', f))).toBe(false);
    expect(refused(flag('yes', f))).toMatchObject({
      code: 'bad-format',
      message: 'Consent to contact must be true or false.',
    });
  });

  it('wants objects to be objects and lists to be lists', () => {
    expect(refused(record([], field('consent', 'Consent')))).toMatchObject({
      message: 'Consent must be an object.',
    });
    expect(refused(list('a,b', field('contacts', 'Contacts'), 10))).toMatchObject({
      code: 'bad-format',
      message: 'Contacts must be a list.',
    });
  });

  it('refuses too many entries', () => {
    expect(refused(list(new Array(11).fill({}), field('contacts', 'Contacts'), 10))).toEqual({
      field: 'contacts',
      code: 'too-many',
      params: { max: 10 },
      message: 'Contacts must have 10 entries or fewer.',
    });
  });
});

describe('collectErrors', () => {
  it('keeps every error, in order', () => {
    const c = collectErrors();
    c.take(amount('x', F));
    c.take(text('ok', F, 10));
    c.take(currency('zzz', field('currency', 'Currency')));
    expect(c.errors.map((e) => e.code)).toEqual(['not-a-number', 'not-a-currency']);
  });
});
