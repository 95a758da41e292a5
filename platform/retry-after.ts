/**
 * How long a server asked us to wait, from its `Retry-After` header: seconds, or an HTTP date. A date is measured
 * against the reply's own `Date` header, so our clock's skew does not matter; without one, against `now`.
 */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  const sentAt = Date.parse(headers.get('date') ?? '');
  return Math.max(0, at - (Number.isNaN(sentAt) ? now.getTime() : sentAt));
}
