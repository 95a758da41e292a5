import type { Request, Response } from 'restify';
import { localeFrom, t, type Locale } from '../i18n/catalogue';

export type ServicePage = 'home' | 'privacy' | 'terms';
const PAGES: Record<ServicePage, string> = { home: '/', privacy: '/privacy', terms: '/terms' };

/** What the pages say: the defaults in the catalogue, or a deployment's own texts (config SITE_PAGES_DIR). */
export interface ServicePagesContent {
  publisher?: string;
  /** An email address or a web address people can reach the publisher at. */
  contact?: string;
  /** A deployment's own text for a page and language, paragraphs separated by blank lines. */
  textOf?(page: ServicePage, locale: Locale): string | undefined;
}

/**
 * The website, privacy and terms pages the Teams app manifest links to (`websiteUrl`, `privacyUrl`,
 * `termsOfUseUrl`), in English or Korean (`?lang=`, else the browser's Accept-Language). Plain HTML, no script.
 */
export function servicePageRoutes(
  content: ServicePagesContent,
): Record<string, (req: Request, res: Response) => Promise<void>> {
  return Object.fromEntries(
    (Object.keys(PAGES) as ServicePage[]).map((page) => [
      PAGES[page],
      async (req: Request, res: Response) => {
        const locale = localeOf(req);
        const body = renderPage(page, locale, content);
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-language': locale,
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
    ]),
  );
}

function localeOf(req: Request): Locale {
  const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang');
  if (asked) return localeFrom(asked);
  // The first language the browser prefers that we have; English otherwise.
  const preferred = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim());
  return preferred.map((tag) => localeFrom(tag, 'en' as Locale)).find((l) => l === 'ko') ?? 'en';
}

export function renderPage(page: ServicePage, locale: Locale, content: ServicePagesContent): string {
  const params = {
    publisher: content.publisher ?? t(locale, 'site.publisherUnset'),
    contact: content.contact ?? t(locale, 'site.contactUnset'),
  };
  const text = content.textOf?.(page, locale) ?? t(locale, `site.${page}.text`, params);
  const title = t(locale, `site.${page}.title`);
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const nav = (Object.keys(PAGES) as ServicePage[])
    .map(
      (p) =>
        `<a href="${PAGES[p]}?lang=${locale}"${p === page ? ' aria-current="page"' : ''}>${escapeHtml(t(locale, `site.nav.${p}`))}</a>`,
    )
    .join(' · ');
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Referral Desk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#242424}nav{margin-bottom:2rem}a{color:#5b5fc7}</style>
</head>
<body><nav>${nav}</nav><main><h1>${escapeHtml(title)}</h1>
${paragraphs}
</main></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
