// Everything the tab asks of Teams, through @microsoft/teams-js. Standalone (a plain browser at /tab, local mode)
// there is no host, and the tab uses none of this.
import type { app as teamsApp } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

/** What the tab needs to know from the host's context. */
export interface HostContext {
  locale?: string;
  theme: ThemeName;
  hostName?: string;
  userId?: string;
  userName?: string;
  tenantId?: string;
  /** The team's thread id (19:…@thread…), as the bot knows the team. */
  teamId?: string;
  channelId?: string;
  /** A referral to open, from a deep link's `subEntityId`. */
  subEntityId?: string;
}

export interface Host {
  context: HostContext;
  /** An Entra ID access token for the tab's API (single sign-on). */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  openLink(url: string): Promise<void>;
  /** Tells Teams the tab loaded, so it stops showing its own loading indicator. */
  notifySuccess(): void;
}

// Teams answers initialize at once; a page framed by anything else never does, and then runs standalone.
const INITIALIZE_TIMEOUT_MS = 10_000;

/** A page inside an iframe (or opened by Teams' desktop client) is hosted; a top-level page is not. */
export function isFramed(): boolean {
  return window.parent !== window || window.opener !== null;
}

export const themeOf = (name: string | undefined): ThemeName =>
  name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'default';

/** Connects to Teams when framed; undefined when the tab runs standalone. */
export async function connectToHost(): Promise<Host | undefined> {
  if (!isFramed()) return undefined;
  // Loaded only when framed: on load teams-js asks a Microsoft CDN for its list of Teams origins, which the CSP
  // refuses (it then uses the list it ships with); standalone there is no host to ask about.
  const { app, authentication } = await import('@microsoft/teams-js');
  if (!app.isInitialized()) {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no Teams host answered')), INITIALIZE_TIMEOUT_MS),
    );
    try {
      await Promise.race([app.initialize(), timeout]);
    } catch {
      return undefined;
    }
  }
  const context = contextOf(await app.getContext());
  return {
    context,
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme))),
    openLink: (url) => app.openLink(url),
    notifySuccess: () => void app.notifySuccess(),
  };
}

function contextOf(context: teamsApp.Context): HostContext {
  return {
    locale: context.app.locale,
    theme: themeOf(context.app.theme),
    hostName: context.app.host.name,
    userId: context.user?.id,
    userName: context.user?.displayName ?? context.user?.userPrincipalName,
    tenantId: context.user?.tenant?.id,
    teamId: context.team?.internalId,
    channelId: context.channel?.id,
    subEntityId: context.page.subPageId || undefined,
  };
}
