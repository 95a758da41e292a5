import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'secret',
  '*.secret',
  'intakeSecret',
  '*.intakeSecret',
  'appPassword',
  '*.appPassword',
  '*.*.appPassword',
  'password',
  '*.password',
  'mongodbUri',
  '*.mongodbUri',
  'headers.authorization',
  'headers["x-referral-signature"]',
  '*.headers.authorization',
  '*.headers["x-referral-signature"]',
  'token',
  '*.token',
  'refreshToken',
  '*.refreshToken',
  '*.*.refreshToken',
  'tokenKey',
  '*.tokenKey',
];

/** Structured JSON logs on stdout (or a given stream), with secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'referral-desk' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}
