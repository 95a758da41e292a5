import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../i18n/catalogue';
import type { ServicePage, ServicePagesContent } from '../site/service-pages';
import type { Config } from './config';

/**
 * The service pages' content from config: a deployment's own texts are files `<page>.<lang>.txt` (home, privacy,
 * terms; en, ko) in SITE_PAGES_DIR, read once at start; a page without its file keeps the default text.
 */
export function sitePagesContent(site: Config['site']): ServicePagesContent {
  const texts = new Map<string, string>();
  if (site.pagesDir) {
    for (const page of ['home', 'privacy', 'terms'] as const)
      for (const locale of ['en', 'ko'] as const) {
        const file = join(site.pagesDir, `${page}.${locale}.txt`);
        if (existsSync(file)) texts.set(`${page}.${locale}`, readFileSync(file, 'utf8'));
      }
  }
  return {
    ...(site.publisher ? { publisher: site.publisher } : {}),
    ...(site.contact ? { contact: site.contact } : {}),
    textOf: (page: ServicePage, locale: Locale) => texts.get(`${page}.${locale}`),
  };
}
