import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { t } from '../../i18n/catalogue';
import { startTestService } from '../support/service';
import { startTestStore, type TestStore } from '../support/store';

describe('the service’s own pages (the manifest’s website, privacy and terms links)', () => {
  let store: TestStore;
  let pagesDir: string;

  beforeAll(async () => {
    store = await startTestStore();
    pagesDir = await mkdtemp(join(tmpdir(), 'rd-pages-'));
  });
  afterAll(async () => {
    await store?.stop();
    await rm(pagesDir, { recursive: true, force: true });
  });

  async function withService(env: Record<string, string>, use: (url: string) => Promise<void>) {
    const service = await startTestService(store.uri, { local: true, env });
    try {
      await use(service.url);
    } finally {
      await service.stop();
    }
  }
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
  };

  it('serves /, /privacy and /terms as plain HTML in English, and in Korean when asked or preferred', async () => {
    await withService({}, async (url) => {
      for (const [path, page] of [
        ['/', 'home'],
        ['/privacy', 'privacy'],
        ['/terms', 'terms'],
      ] as const) {
        const en = await get(`${url}${path}`);
        expect(en).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
        expect(en.html).toContain(`<h1>${t('en', `site.${page}.title`)}</h1>`);
        expect(en.html).toContain('<html lang="en">');
        expect(en.html).not.toContain('<script');
      }
      expect((await get(`${url}/privacy?lang=ko`)).html).toContain(
        `<h1>${t('ko', 'site.privacy.title')}</h1>`,
      );
      const preferred = await get(`${url}/terms`, { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' });
      expect(preferred.html).toContain('<html lang="ko">');
      // Who runs it, unset: the defaults say so in words, not a blank.
      expect((await get(`${url}/privacy`)).html).toContain(t('en', 'site.publisherUnset'));
    });
  });

  it('shows who runs it and a deployment’s own texts from config, as text', async () => {
    await writeFile(join(pagesDir, 'privacy.en.txt'), 'Our own policy.\n\nSecond <b>paragraph</b>.');
    await withService(
      {
        SITE_PUBLISHER: 'Contoso <Partners>',
        SITE_CONTACT: 'privacy@contoso.example',
        SITE_PAGES_DIR: pagesDir,
      },
      async (url) => {
        const privacy = (await get(`${url}/privacy`)).html;
        expect(privacy).toContain('<p>Our own policy.</p>\n<p>Second &#60;b&#62;paragraph&#60;/b&#62;.</p>');
        // The Korean page has no file of its own: the default, with the publisher filled in and escaped.
        const ko = (await get(`${url}/privacy?lang=ko`)).html;
        expect(ko).toContain('Contoso &#60;Partners&#62;');
        expect(ko).toContain('privacy@contoso.example');
      },
    );
  });
});
