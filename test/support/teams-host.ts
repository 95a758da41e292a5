// A small Teams stand-in for the tab's browser specs: an HTML page that frames the tab and answers teams-js's host
// messages over postMessage, so the tab's hosted code path (app.initialize, getContext, getAuthToken, theme
// changes, openLink, notifySuccess) runs for real. The protocol is teams-js 2.x's (internal/communication.js):
// the app posts {id, uuidAsString, func, args}; the host answers {id, uuidAsString, args}, and sends events as
// {func, args} (themeChange).
//
// teams-js accepts a parent's messages only from its own list of Teams origins (https) or from the tab's own
// origin, so the page is served on the service's origin: `openInTeamsHost` routes one path of it to this page in
// the browser, and every other request (the tab, its assets, its API) goes to the real service.
import type { Frame, FrameLocator, Page } from 'playwright-core';

/** What Teams' getContext answers (teams-js's wire names: userObjectId, tid, teamId, subEntityId, …). */
export interface HostContext {
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  userObjectId: string;
  userDisplayName?: string;
  tid: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  entityId?: string;
  subEntityId?: string;
  /** `content` for the tab, `settings` for its configuration page. */
  frameContext?: 'content' | 'settings';
}

export interface TeamsHostOptions {
  /** The tab's path and query on the service, e.g. `/tab?team=…`. */
  tabPath: string;
  context: HostContext;
  /** What authentication.getAuthToken answers: an Entra access token. */
  token: string;
}

/** What the host saw the tab ask for, in order. */
export interface HostRecord {
  calls: string[];
  openedLinks: string[];
  /** What the configuration page saved (pages.config.setConfig). */
  savedConfigs: Record<string, unknown>[];
}

export const HOST_PATH = '/__teams-host';

// What a Teams web client says it supports (runtime API version 4), enough for the capabilities the tab uses.
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { app: {}, appEntity: {}, pages: { config: {}, appButton: {}, tabs: {} }, teamsCore: {} },
};

/** The host page: the tab in an iframe, and the script that plays Teams for it. */
export function teamsHostHtml(options: TeamsHostOptions): string {
  const config = JSON.stringify({
    context: {
      hostName: 'Teams',
      hostClientType: 'web',
      frameContext: 'content',
      ...options.context,
    },
    token: options.token,
    runtime: JSON.stringify(RUNTIME),
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>body{margin:0}iframe{border:0;width:100vw;height:100vh}</style></head>
<body>
<iframe id="tab" title="Pipeline" src="${options.tabPath.replace(/"/g, '&quot;')}"></iframe>
<script type="application/json" id="host-config">${config}</script>
<script>
  const config = JSON.parse(document.getElementById('host-config').textContent);
  const frame = document.getElementById('tab');
  window.hostRecord = { calls: [], openedLinks: [], savedConfigs: [] };
  const answers = {
    initialize: () => [config.context.frameContext, 'web', config.runtime, '2.58.0'],
    getContext: () => [config.context],
    'authentication.getAuthToken': () => [true, config.token],
    executeDeepLink: (args) => {
      window.hostRecord.openedLinks.push(args[0]);
      return [true];
    },
    'settings.setSettings': (args) => {
      window.hostRecord.savedConfigs.push(args[0]);
      return [true];
    },
  };
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (event.source !== frame.contentWindow || !message || typeof message.func !== 'string') return;
    window.hostRecord.calls.push(message.func);
    const answer = answers[message.func];
    if (!answer) return; // one-way messages: registerHandler, appInitialization.success, …
    frame.contentWindow.postMessage(
      { id: message.id, uuidAsString: message.uuidAsString, args: answer(message.args || []) },
      event.origin,
    );
  });
  window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, '*');
  window.save = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script>
</body></html>`;
}

export interface TeamsHost {
  /** The tab inside the host's iframe. */
  tab: FrameLocator;
  frame(): Frame;
  /** Teams says the theme changed (the themeChange event). */
  changeTheme(theme: HostContext['theme']): Promise<void>;
  /** The person clicks Save on the configuration dialog (the settings.save event). */
  save(): Promise<void>;
  record(): Promise<HostRecord>;
}

/** Opens the host page at `<serviceUrl>/__teams-host` in `page`, framing the tab on the same origin. */
export async function openInTeamsHost(
  page: Page,
  serviceUrl: string,
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const html = teamsHostHtml(options);
  await page.route(`${serviceUrl}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(`${serviceUrl}${HOST_PATH}`);
  return {
    tab: page.frameLocator('#tab'),
    frame: () => page.frames().find((frame) => frame !== page.mainFrame())!,
    changeTheme: async (theme) => {
      await page.evaluate(`window.changeTheme(${JSON.stringify(theme)})`);
    },
    save: async () => {
      await page.evaluate('window.save()');
    },
    record: async () => (await page.evaluate('window.hostRecord')) as HostRecord,
  };
}
