import type { ThemeName } from './host/teams-host';

/** Standalone, the tab follows `?theme=` or the browser's colour scheme. */
export function standaloneTheme(search: string): ThemeName {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
