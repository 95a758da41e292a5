import { isValidSignature, signBody } from '../../intake/signature';

describe('X-Referral-Signature', () => {
  const secret = 'a-secret-that-is-long-enough-for-hmac-000';
  const body = Buffer.from('{"id":"1"}');

  it('accepts the sha256=<hex> HMAC of the exact body', () => {
    expect(isValidSignature(secret, body, signBody(secret, body))).toBe(true);
    expect(
      isValidSignature(secret, body, signBody(secret, body).toUpperCase().replace('SHA256=', 'sha256=')),
    ).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the scheme', signBody(secret, body).slice('sha256='.length)],
    ['truncated', signBody(secret, body).slice(0, -2)],
    ['for another body', signBody(secret, '{"id":"2"}')],
    ['with another secret', signBody('another-secret-that-is-long-enough-0000', body)],
  ])('refuses a signature %s', (_what, header) => {
    expect(isValidSignature(secret, body, header)).toBe(false);
  });
});
