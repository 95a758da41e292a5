// The first page of rows the tab's page itself may carry (tab-api/first-page.ts, docs/tab-api.md "The page's
// session"): a note in the head names the list call answered and for whom; the answer is a JSON element at the end
// of the body. The page's first script draws it when it is the call it would make, and leaves it to the app as
// that call's early answer.
import type { ReferralPage } from './types';
import { early } from './early-reads';

// The names the service gives them (tab-api/pages.ts).
const NOTE = 'meta[name="referral-desk-first-list"]';
const ANSWER = 'referral-desk-first-page';
// The list call the page's first script makes, for the service to answer in the next visit's page.
const FIRST_LIST_COOKIE = 'rd-tab-first-list';
const KEEP_SECONDS = 30 * 86_400;

/** Resolves once the whole page has been parsed (at once if it has). */
export const parsed = () =>
  document.readyState === 'loading'
    ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))
    : Promise.resolve();

/**
 * The page's answer for `listPath`, once the page is parsed, when the page carries one for that call and that
 * person (undefined otherwise). It is also that call's early answer; when the page's answer turns out to be
 * missing (the service could not read it), the app makes the call.
 */
export function carriedPage(
  listPath: string,
  viewerId: string,
): Promise<ReferralPage | undefined> | undefined {
  const note = document.querySelector<HTMLMetaElement>(NOTE);
  if (!note || note.content !== listPath || note.dataset.viewer !== viewerId) return undefined;
  const text = parsed().then(() => document.getElementById(ANSWER)?.textContent ?? 'null');
  const page = text.then((json) => {
    try {
      return (JSON.parse(json) as ReferralPage | null) ?? undefined;
    } catch {
      return undefined;
    }
  });
  early.set(
    listPath,
    Promise.all([text, page]).then(([json, answer]) =>
      answer
        ? new Response(json, { status: 200, headers: { 'content-type': 'application/json' } })
        : undefined,
    ),
  );
  return page;
}

/** Keeps `listPath` as the call the next visit's page should answer (only the query: no token, no rows). */
export function keepFirstList(listPath: string): void {
  document.cookie =
    `${FIRST_LIST_COOKIE}=${encodeURIComponent(listPath)}; Max-Age=${KEEP_SECONDS}; ` +
    'Path=/tab; Secure; SameSite=None; Partitioned';
}

/** Asks the service to keep `token` as the page's session (it decides for how long), or to forget it. */
export function keepPageSession(token: string | undefined): Promise<unknown> {
  return fetch('/api/tab/page-session', {
    method: token ? 'POST' : 'DELETE',
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  }).catch(() => undefined);
}
