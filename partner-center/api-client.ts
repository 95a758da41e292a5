// Partner Center's Referrals API (REST v1.0, /v1.0/engagements/referrals): list with OData paging, get (with its
// eTag), and PATCH with a JSON Patch body under If-Match. Every request carries an App+User token.
import type { Clock } from '../platform/clock';
import { retryAfterMs } from '../platform/retry-after';
import type { JsonPatchOperation } from './write-back-patch';

export const REFERRALS_PATH = '/v1.0/engagements/referrals';
/** The documented query for referrals nobody has answered yet. */
export const PENDING_FILTER = "direction eq 'Incoming' and substatus eq 'Pending'";
const REQUEST_TIMEOUT_MS = 20_000;
/** A list that keeps handing out next links is a bug on one side or the other; stop rather than loop. */
const MAX_PAGES = 100;

export type TokenProvider = () => Promise<string>;

export interface FetchedReferral {
  json: Record<string, unknown>;
  eTag?: string;
}

export type PatchOutcome =
  | { kind: 'applied'; referral?: FetchedReferral }
  | { kind: 'precondition-failed' }
  | { kind: 'throttled'; retryAfterMs?: number }
  | { kind: 'unavailable'; message: string }
  | { kind: 'rejected'; status: number; message: string };

/** A request that did not get the answer it needed; `retryAfterMs` when Partner Center said when to come back. */
export class PartnerCenterApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'PartnerCenterApiError';
  }
}

export interface PartnerCenterApi {
  /** Every referral the filter matches, page by page following `@odata.nextLink`. */
  listReferrals(filter: string): AsyncIterable<Record<string, unknown>>;
  /** The referral, or undefined when Partner Center has no such referral. */
  getReferral(id: string): Promise<FetchedReferral | undefined>;
  patchReferral(id: string, operations: JsonPatchOperation[], eTag: string): Promise<PatchOutcome>;
}

export function partnerCenterApi(options: {
  baseUrl: string;
  getToken: TokenProvider;
  /** For a `Retry-After` date when the reply carries no `Date` header. */
  clock: Clock;
}): PartnerCenterApi {
  const base = new URL(options.baseUrl);
  const referralUrl = (id: string) => new URL(`${REFERRALS_PATH}/${encodeURIComponent(id)}`, base);

  async function send(url: URL, init: RequestInit = {}): Promise<Response> {
    // Next links come from the response body: the token is only ever sent to the configured API origin.
    if (url.origin !== base.origin)
      throw new PartnerCenterApiError(`refusing to call ${url.origin}: not the Partner Center API`);
    const token = await options.getToken();
    try {
      return await fetch(url, {
        ...init,
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...init.headers },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PartnerCenterApiError(`Partner Center unreachable: ${(error as Error).message}`);
    }
  }

  async function expectJson(response: Response, what: string): Promise<Record<string, unknown>> {
    if (!response.ok) {
      throw new PartnerCenterApiError(
        `${what}: HTTP ${response.status} ${await excerpt(response)}`,
        response.status,
        retryAfterMs(response.headers, options.clock()),
      );
    }
    return (await response.json()) as Record<string, unknown>;
  }

  return {
    async *listReferrals(filter) {
      let url: URL | undefined = new URL(`${REFERRALS_PATH}?$filter=${encodeURIComponent(filter)}`, base);
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const body = await expectJson(await send(url), 'listing referrals');
        const items = Array.isArray(body.value) ? body.value : [];
        for (const item of items)
          if (typeof item === 'object' && item !== null) yield item as Record<string, unknown>;
        const next = body['@odata.nextLink'];
        url = typeof next === 'string' && next !== '' ? new URL(next, base) : undefined;
      }
    },
    async getReferral(id) {
      const response = await send(referralUrl(id));
      if (response.status === 404) return undefined;
      return fetched(await expectJson(response, `getting referral ${id}`), response);
    },
    async patchReferral(id, operations, eTag) {
      const response = await send(referralUrl(id), {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          'if-match': eTag,
          prefer: 'return=representation',
        },
        body: JSON.stringify(operations),
      });
      return patchOutcome(response, options.clock());
    },
  };
}

async function patchOutcome(response: Response, now: Date): Promise<PatchOutcome> {
  if (response.status === 204) return { kind: 'applied' };
  if (response.ok) {
    const text = await response.text();
    return text === ''
      ? { kind: 'applied' }
      : { kind: 'applied', referral: fetched(JSON.parse(text), response) };
  }
  if (response.status === 412) return { kind: 'precondition-failed' };
  if (response.status === 429)
    return { kind: 'throttled', retryAfterMs: retryAfterMs(response.headers, now) };
  const message = `HTTP ${response.status} ${await excerpt(response)}`;
  if (response.status >= 500 || response.status === 408) return { kind: 'unavailable', message };
  return { kind: 'rejected', status: response.status, message };
}

function fetched(json: Record<string, unknown>, response: Response): FetchedReferral {
  const eTag =
    typeof json.eTag === 'string' && json.eTag !== ''
      ? json.eTag
      : (response.headers.get('etag') ?? undefined);
  return { json, ...(eTag ? { eTag } : {}) };
}

async function excerpt(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.slice(0, 300);
}
