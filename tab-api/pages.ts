import { createHash } from 'node:crypto';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Request, Response } from 'restify';
import type { HttpRoute } from '../platform/http-route';
import { jsonInHtml, type FirstPage, type FirstPages } from './first-page';

/** What the tab's pages need: where the front end was built, and whether local browsers may frame it. */
export interface TabPagesDeps {
  /** `dist/tab`: index.html, config.html and assets/ (docs/tab-api.md, "Pages"). */
  distDir: string;
  isLocalMode: boolean;
  /** The pipeline page's first page of rows, for a browser that sends the page's session. */
  firstPages?: FirstPages;
}

/** Where the page's first script looks for what the page carries (tab/first-reads.ts). */
const FIRST_LIST_META = 'referral-desk-first-list';
const FIRST_PAGE_ELEMENT = 'referral-desk-first-page';

// Teams' hosts that frame a tab (Teams, Microsoft 365 and Outlook on the web): docs/teams-platform.md, "Tab pages".
const TEAMS_FRAME_HOSTS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
];
const LOCAL_FRAME_HOSTS = ['http://localhost:*', 'http://127.0.0.1:*'];

/**
 * The page's policy: its own scripts only, and of inline ones only those named by hash (`inlineScripts`: the
 * page's own, see `inlineScriptHashes`); inline styles because Fluent UI v9 (Griffel) inserts them at run time.
 */
export function tabContentSecurityPolicy(isLocalMode: boolean, inlineScripts: string[] = []): string {
  const frameAncestors = ["'self'", ...TEAMS_FRAME_HOSTS, ...(isLocalMode ? LOCAL_FRAME_HOSTS : [])];
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...inlineScripts.map((hash) => `'${hash}'`)].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** `sha256-<base64>` of each inline script of `html` (a `<script>` without attributes), as CSP names it. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `sha256-${createHash('sha256').update(code!).digest('base64')}`,
  );
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const ASSETS_PREFIX = '/tab/assets/';
// How scripts/build-tab.mjs names what it builds (`chunk-AB12CD34.js`): such a file never changes, so a browser may
// keep it for good, and a visit reads only the page (Chromium then also reuses the scripts' compiled code).
const CONTENT_NAMED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const KEEP_FOR_GOOD = 'public, max-age=31536000, immutable';

/**
 * `/tab`, `/tab/config` and `/tab/assets/<file>`: the built front end, with a strict policy. A path that would leave
 * the assets folder, or a file that is not there, is a 404; a front end never built, a 503 that says so.
 */
export function tabPageRoutes(deps: TabPagesDeps): HttpRoute[] {
  const distDir = resolve(deps.distDir);
  const assetsDir = join(distDir, 'assets');
  const policy = tabContentSecurityPolicy(deps.isLocalMode);
  // A page may carry its first script inline (scripts/build-tab.mjs): the policy names it, and no other.
  const policyFor = (file: string, body: Buffer) =>
    extname(file) === '.html'
      ? tabContentSecurityPolicy(deps.isLocalMode, inlineScriptHashes(body.toString('utf8')))
      : policy;

  const notBuilt = (res: Response) => {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      `The tab is not built: ${distDir} has no index.html. The set-up step of npm start and npm test builds it (node scripts/setup.mjs).\n`,
    );
  };
  const notFound = (res: Response) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    res.end('Not found.\n');
  };
  const isBuilt = () => isFile(join(distDir, 'index.html'));

  // Each file as last read, by path (only files of the build get here): read and hashed again only when it changed
  // on disk (a rebuild), not on every request.
  const known = new Map<string, ServedFile>();
  async function served(file: string): Promise<ServedFile> {
    const { mtimeMs, size } = await stat(file);
    const kept = known.get(file);
    if (kept && kept.mtimeMs === mtimeMs && kept.size === size) return kept;
    const body = await readFile(file);
    const fresh = {
      mtimeMs,
      size,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      policy: policyFor(file, body),
    };
    known.set(file, fresh);
    return fresh;
  }

  /** A page is asked about on every visit (`no-cache`), and answers 304 while its ETag holds. */
  async function send(req: Request, res: Response, file: string) {
    const { body, etag, policy: filePolicy } = await served(file);
    const headers = {
      'content-security-policy': filePolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': CONTENT_NAMED.test(file) ? KEEP_FOR_GOOD : 'no-cache',
      etag,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(body.length),
    });
    res.end(body);
  }

  /**
   * The page with its first page of rows: the head at once, with a note of the list call answered and for whom
   * (so the page's script does not make it), while the rows are read; they follow at the end of the body. Never
   * kept by any cache.
   */
  async function sendWithFirstPage(res: Response, file: string, first: FirstPage) {
    const { body, policy: filePolicy } = await served(file);
    const html = body.toString('utf8');
    const end = html.includes('</body>') ? html.lastIndexOf('</body>') : html.length;
    const note = `<meta name="${FIRST_LIST_META}" content="${attribute(first.listPath)}" data-viewer="${attribute(first.viewerId)}" />`;
    res.writeHead(200, {
      'content-security-policy': filePolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'content-type': CONTENT_TYPES['.html']!,
    });
    res.write(html.slice(0, end).replace('<head>', `<head>\n    ${note}`));
    const answer = await first.answer;
    res.end(
      `<script type="application/json" id="${FIRST_PAGE_ELEMENT}">${jsonInHtml(answer ?? null)}</script>\n  ` +
        html.slice(end),
    );
  }

  const page = (file: string, firstPages?: FirstPages) => async (req: Request, res: Response) => {
    if (!(await isBuilt())) return notBuilt(res);
    const path = join(distDir, file);
    if (!(await isFile(path))) return notFound(res);
    // Whatever goes wrong with the rows, the page itself is still sent: its script then asks for them.
    const first = await firstPages?.begin(req).catch(() => undefined);
    if (first) return sendWithFirstPage(res, path, first);
    await send(req, res, path);
  };

  return [
    { method: 'get', path: '/tab', handler: page('index.html', deps.firstPages) },
    { method: 'get', path: '/tab/config', handler: page('config.html') },
    {
      method: 'get',
      path: '/tab/assets/*',
      handler: async (req, res) => {
        if (!(await isBuilt())) return notBuilt(res);
        const file = assetPath(assetsDir, req.url ?? '');
        if (!file || !(await isFile(file))) return notFound(res);
        await send(req, res, file);
      },
    },
  ];
}

/**
 * The file under `assetsDir` a request names, read from the raw path (not restify's decoded parameter): undefined
 * for anything that could step out (`..`, `.`, an encoded slash or backslash, a NUL, a backslash) or is malformed.
 */
export function assetPath(assetsDir: string, url: string): string | undefined {
  const rawPath = url.split(/[?#]/)[0]!;
  if (!rawPath.startsWith(ASSETS_PREFIX)) return undefined;
  const rest = rawPath.slice(ASSETS_PREFIX.length);
  if (rest === '' || /%2f|%5c|%00|\\/i.test(rest)) return undefined;
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[\0\\/]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const file = resolve(assetsDir, ...segments);
  return file.startsWith(assetsDir + sep) ? file : undefined;
}

interface ServedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  etag: string;
  policy: string;
}

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
