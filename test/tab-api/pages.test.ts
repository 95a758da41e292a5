import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from '../../app/start-service';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(
  base: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const INLINE_SCRIPT = 'document.documentElement.dataset.early = "yes";';

describe('the tab’s pages', () => {
  let store: TestStore;
  let root: string;
  let dist: string;
  let local: RunningService;
  let production: RunningService;
  let unbuilt: RunningService;

  beforeAll(async () => {
    store = await startTestStore();
    root = await mkdtemp(join(tmpdir(), 'rd-tab-'));
    dist = join(root, 'dist', 'tab');
    await mkdir(join(dist, 'assets', 'fonts'), { recursive: true });
    await writeFile(
      join(dist, 'index.html'),
      `<!doctype html><title>Pipeline</title><script>${INLINE_SCRIPT}</script><script src="/tab/assets/tab.js"></script>`,
    );
    await writeFile(join(dist, 'config.html'), '<!doctype html><title>Configure</title>');
    await writeFile(join(dist, 'assets', 'tab.js'), 'console.log("tab")');
    await writeFile(join(dist, 'assets', 'tab.css'), 'body{}');
    await writeFile(join(dist, 'assets', 'chunk-AB12CD34.js'), 'export {}');
    await writeFile(join(dist, 'assets', 'fonts', 'a.woff2'), 'w');
    await writeFile(join(dist, 'assets', 'odd.bin'), 'x');
    await writeFile(join(root, 'dist', 'secret.txt'), 'secret');
    await writeFile(join(dist, 'secret.txt'), 'secret');
    local = await startTestService(store.uri, { local: true, env: { TAB_DIST_DIR: dist } });
    production = await startTestService(store.uri, { env: { TAB_DIST_DIR: dist } });
    unbuilt = await startTestService(store.uri, {
      local: true,
      env: { TAB_DIST_DIR: join(root, 'nothing') },
    });
  });
  afterAll(async () => {
    await Promise.all([local?.stop(), production?.stop(), unbuilt?.stop()]);
    await store?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('serves the tab and its configuration page with a strict policy', async () => {
    for (const [path, title] of [
      ['/tab?view=mine', 'Pipeline'],
      ['/tab?team=19%3Ateam&channel=19%3Ageneral', 'Pipeline'],
      ['/tab/config', 'Configure'],
    ] as const) {
      const res = await fetch(`${production.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain(`<title>${title}</title>`);
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("default-src 'self'");
      // The one inline script of the pipeline page is allowed by its hash; nothing else inline runs.
      const inlineHash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
      expect(policy).toContain(
        title === 'Pipeline' ? `script-src 'self' 'sha256-${inlineHash}';` : "script-src 'self';",
      );
      expect(policy).toMatch(
        /frame-ancestors 'self' https:\/\/teams\.microsoft\.com https:\/\/\*\.teams\.microsoft\.com https:\/\/\*\.cloud\.microsoft https:\/\/\*\.office\.com$/,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('lets a local browser frame it in local mode only', async () => {
    const policy = (await fetch(`${local.url}/tab`)).headers.get('content-security-policy')!;
    expect(policy).toContain('http://localhost:* http://127.0.0.1:*');
    const prod = (await fetch(`${production.url}/tab`)).headers.get('content-security-policy')!;
    expect(prod).not.toContain('localhost');
  });

  it('serves assets by their type', async () => {
    const types: Record<string, string> = {
      '/tab/assets/tab.js': 'text/javascript; charset=utf-8',
      '/tab/assets/tab.css': 'text/css; charset=utf-8',
      '/tab/assets/fonts/a.woff2': 'font/woff2',
      '/tab/assets/odd.bin': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const res = await fetch(`${local.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect((await fetch(`${local.url}/tab/assets/missing.js`)).status).toBe(404);
  });

  it('lets browsers keep content-named assets for good, and asks again for a page, which answers 304 if unchanged', async () => {
    const named = await fetch(`${local.url}/tab/assets/chunk-AB12CD34.js`);
    expect(named.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const unnamed = await fetch(`${local.url}/tab/assets/tab.js`);
    expect(unnamed.headers.get('cache-control')).toBe('no-cache');
    const page = await fetch(`${local.url}/tab`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${local.url}/tab`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('content-security-policy')).toContain("default-src 'self'");
    const changed = await fetch(`${local.url}/tab`, { headers: { 'if-none-match': '"other"' } });
    expect(changed.status).toBe(200);
  });

  it('serves a file rebuilt on disk as it is now, with a new ETag', async () => {
    const file = join(dist, 'assets', 'rebuilt.js');
    await writeFile(file, 'console.log("first build")');
    const first = await fetch(`${local.url}/tab/assets/rebuilt.js`);
    expect(await first.text()).toBe('console.log("first build")');
    await writeFile(file, 'console.log("the next build, longer")');
    const next = await fetch(`${local.url}/tab/assets/rebuilt.js`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('console.log("the next build, longer")');
    expect(next.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('never serves a file outside the assets', async () => {
    for (const path of [
      '/tab/assets/../secret.txt',
      '/tab/assets/../../secret.txt',
      '/tab/assets/%2e%2e/secret.txt',
      '/tab/assets/..%2fsecret.txt',
      '/tab/assets/..%5csecret.txt',
      '/tab/assets/fonts/..%2F..%2Fsecret.txt',
      '/tab/assets/%00',
      '/tab/assets/..\\secret.txt',
      '/tab/assets/',
      '/tab/assets/fonts',
    ]) {
      const res = await rawGet(local.url, path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('secret');
    }
  });

  it('says so when the tab was not built', async () => {
    for (const path of ['/tab', '/tab/config', '/tab/assets/tab.js']) {
      const res = await fetch(`${unbuilt.url}${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toMatch(/^The tab is not built/);
    }
  });
});
