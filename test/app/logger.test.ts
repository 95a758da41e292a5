import { memoryLogger } from '../support/service';

describe('logger', () => {
  it('writes structured JSON and redacts secrets wherever they sit', () => {
    const { log, lines } = memoryLogger();
    log.info(
      {
        config: { intakeSecret: 's3cret', mongodbUri: 'mongodb://u:pw@db/x' },
        req: { headers: { authorization: 'Bearer abc' } },
        token: 't',
      },
      'hello',
    );
    const [line] = lines();
    expect(line).toMatchObject({ msg: 'hello', level: 30, service: 'referral-desk' });
    const text = JSON.stringify(line);
    for (const secret of ['s3cret', 'u:pw', 'Bearer abc', '"t"']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
