import type { Response } from 'restify';
import type { FieldError } from '../core/result';

/** One JSON error shape for every 4xx/5xx the HTTP edges send: a stable code, a reason, and field errors. */
export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  fields?: FieldError[],
  headers?: Record<string, string>,
): void {
  for (const [name, value] of Object.entries(headers ?? {})) res.header(name, value);
  res.send(status, { error: { code, message, ...(fields ? { fields } : {}) } });
}
