// The first page of rows, carried by the tab's page itself when the browser sends the page's session
// (page-session.ts): the page's first script then draws it without a call of its own (tab/first-reads.ts). It is
// the very answer of `GET /api/tab<listPath>`, for the same person, with the same visibility rules.
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../platform/logger';
import type { TabAuth } from './auth';
import type { ListReads, ReferralPage } from './list-reads';
import { cookiesOf, FIRST_LIST_COOKIE, PAGE_SESSION_COOKIE } from './page-session';

/** What the page promises in its head (the list call answered, for whom), and the answer, which comes later. */
export interface FirstPage {
  listPath: string;
  viewerId: string;
  answer: Promise<ReferralPage | undefined>;
}

export interface FirstPages {
  /** The first page `req` may be sent with; undefined when it carries none (or none that holds). */
  begin(req: IncomingMessage): Promise<FirstPage | undefined>;
}

const LIST_PATH = /^\/referrals\?[\x21-\x7e]{0,2000}$/;
const AUTH_WAIT_MS = 250;
const timeUp = (ms: number) =>
  new Promise<undefined>((done) => setTimeout(() => done(undefined), ms).unref());

export interface FirstPagesDeps {
  auth: TabAuth;
  lists: ListReads;
  /**
   * Local mode: a page opened on its own (not in a frame) may carry rows without its address naming the person:
   * the tab standalone, signed in as a Playground person. In production the tab lives in Teams' frames only.
   */
  isLocalMode: boolean;
  log: Logger;
}

export function createFirstPages(deps: FirstPagesDeps): FirstPages {
  return {
    async begin(req) {
      const cookies = cookiesOf(req.headers.cookie);
      const token = cookies.get(PAGE_SESSION_COOKIE);
      const listPath = decoded(cookies.get(FIRST_LIST_COOKIE));
      if (!token || !listPath || !LIST_PATH.test(listPath)) return undefined;
      // The page does not wait on Entra: when the tenant's keys must be read first, it goes without its rows.
      const outcome = await Promise.race([deps.auth.authenticateToken(token), timeUp(AUTH_WAIT_MS)]);
      if (!outcome?.ok) return undefined;
      const viewer = outcome.viewer;
      // The page's own address must name the person (Teams fills `viewer={userObjectId}` in), so a tab opened
      // for someone else in a browser that keeps this person's cookie carries nothing of theirs.
      const standalone = deps.isLocalMode && req.headers['sec-fetch-dest'] === 'document';
      const named = new URL(req.url ?? '/', 'http://localhost').searchParams.get('viewer');
      if (!standalone && named !== viewer.aadObjectId) return undefined;
      const answer = deps.lists
        .page(viewer, new URLSearchParams(listPath.slice(listPath.indexOf('?') + 1)))
        .then((page) => (page.ok ? page.value : undefined))
        .catch((error: unknown) => {
          deps.log.warn({ err: error }, 'the first page for the tab page could not be read');
          return undefined;
        });
      return { listPath, viewerId: viewer.aadObjectId, answer };
    },
  };
}

function decoded(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** `value` as JSON that can stand inside a `<script type="application/json">`: nothing in it ends the element. */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
