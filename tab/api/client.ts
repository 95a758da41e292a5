import { takeEarlyRead } from './early-reads';
import type { Detail, FieldMessage, Me, PipelineInsights, ReferralPage, Verb } from './types';

/** An answer that was not 2xx, with the server's message and, for a 400, each field's. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldMessage[] = [],
    /** On a 409: the referral as it is now. */
    readonly current?: Detail,
  ) {
    super(message);
  }
  get isStale() {
    return this.status === 409;
  }
}

export interface Api {
  me(): Promise<Me>;
  referrals(query: string): Promise<ReferralPage>;
  /** Its history lines in `lang`, their times in the zone `tz`. */
  referral(id: string, lang: string, tz: string): Promise<Detail>;
  insights(query: string): Promise<PipelineInsights>;
  act(id: string, verb: Verb, version: number, data: Record<string, unknown>): Promise<Detail>;
  /** The CSV of the list's filters, as a file the browser saves. */
  downloadCsv(query: string, fileName: string): Promise<void>;
}

/** The tab's API over fetch, every call with a fresh bearer token from `getToken`. */
export function createApi(getToken: () => Promise<string>, base = ''): Api {
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const early: Response | undefined = init.method === undefined ? await takeEarlyRead(path) : undefined;
    const response: Response =
      early ??
      (await fetch(`${base}/api/tab${path}`, {
        ...init,
        headers: { authorization: `Bearer ${await getToken()}`, ...(init.headers ?? {}) },
      }));
    if (!response.ok) throw await errorOf(response);
    return response;
  };
  const json = async <T>(path: string, init?: RequestInit) => (await (await call(path, init)).json()) as T;
  return {
    me: () => json<Me>('/me'),
    referrals: (query) => json<ReferralPage>(`/referrals?${query}`),
    referral: (id, lang, tz) =>
      json<Detail>(`/referrals/${encodeURIComponent(id)}?${new URLSearchParams({ lang, tz })}`),
    insights: (query) => json<PipelineInsights>(`/insights?${query}`),
    act: async (id, verb, version, data) =>
      (
        await json<{ referral: Detail }>(`/referrals/${encodeURIComponent(id)}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ verb, version, data }),
        })
      ).referral,
    downloadCsv: async (query, fileName) => {
      const blob = await (await call(`/referrals.csv?${query}`)).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has its own copy once the click is handled; the object URL can go on the next turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
  };
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    error?: { message?: string; fields?: FieldMessage[]; referral?: Detail };
  };
  return new ApiError(
    response.status,
    body.error?.message ?? `${response.status} ${response.statusText}`,
    body.error?.fields ?? [],
    body.error?.referral,
  );
}
