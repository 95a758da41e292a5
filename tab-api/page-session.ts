// The page's session: the tab's own token, kept as a cookie that only the page's request carries (Path=/tab), so
// that the page can come with its first page of rows in it (first-page.ts) instead of asking for them after it has
// loaded. The API itself still takes bearer tokens only: no call that reads or changes anything is made on a cookie.
import { decodeJwt } from 'jose';
import type { Clock } from '../platform/clock';
import { sendError } from '../platform/http-errors';
import type { HttpRoute } from '../platform/http-route';
import { bearerTokenOf, type TabAuth } from './auth';

export const PAGE_SESSION_COOKIE = 'rd-tab-session';
/** The list call the page's first script made last time (tab/first-reads.ts writes it): the one to answer. */
export const FIRST_LIST_COOKIE = 'rd-tab-first-list';
// A browser keeps a cookie of at most 4096 bytes, name and attributes included; a longer token is not kept.
const MAX_TOKEN_CHARS = 3900;
// SameSite=None and Partitioned: in Teams the page is a frame of another site, where only a partitioned cookie
// is kept (and sent only within that site's frames).
const ATTRIBUTES = 'Path=/tab; HttpOnly; Secure; SameSite=None; Partitioned';

const sessionCookie = (token: string, maxAgeSeconds: number) =>
  `${PAGE_SESSION_COOKIE}=${token}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`;

/** The request's cookies by name (the first of a name wins); values as sent. */
export function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    if (name && !cookies.has(name)) cookies.set(name, pair.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * `POST /api/tab/page-session` (bearer): keeps the token as the page's cookie until it expires;
 * `DELETE /api/tab/page-session`: forgets it (sign-out). docs/tab-api.md, "The page's session".
 */
export function pageSessionRoutes(deps: { auth: TabAuth; clock: Clock }): HttpRoute[] {
  return [
    {
      method: 'post',
      path: '/api/tab/page-session',
      handler: async (req, res) => {
        const outcome = await deps.auth.authenticate(req);
        if (!outcome.ok)
          return outcome.status === 503
            ? sendError(res, 503, 'auth-unavailable', outcome.reason)
            : sendError(res, 401, 'unauthorized', outcome.reason, undefined, {
                'WWW-Authenticate': 'Bearer',
              });
        // Accepted just above, so it is there.
        const token = bearerTokenOf(req)!;
        const expiresAt = decodeJwt(token).exp ?? 0;
        const maxAge = Math.floor(expiresAt - deps.clock().getTime() / 1000);
        res.header('cache-control', 'no-store');
        if (token.length > MAX_TOKEN_CHARS || maxAge <= 0) return res.send(200, { kept: false });
        res.header('set-cookie', sessionCookie(token, maxAge));
        res.send(200, { kept: true, expiresAt: new Date(expiresAt * 1000).toISOString() });
      },
    },
    {
      method: 'del',
      path: '/api/tab/page-session',
      handler: async (_req, res) => {
        res.header('set-cookie', `${PAGE_SESSION_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`);
        res.header('cache-control', 'no-store');
        res.send(204);
      },
    },
  ];
}
