// The languages the product speaks, apart from the catalogue: the tab's first script picks one without loading it.
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** Teams sends BCP 47 tags such as `ko-KR` or `en-US`; anything that is not Korean is shown in English. */
export function localeFrom(tag: string | undefined, fallback: Locale = 'en'): Locale {
  if (!tag) return fallback;
  const language = tag.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : fallback;
}
