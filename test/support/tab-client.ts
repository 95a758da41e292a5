import type { RunningService } from '../../app/start-service';
import type { Clock } from '../../platform/clock';
import { startDesk, type Desk } from './desk';
import { startEntraPeer, type EntraPeer } from './entra-peer';
import type { TestStore } from './store';
import { TENANT_ID, type Person } from './teams-client';

/** The app id the specs' tab tokens are for (TAB_APP_ID in local mode, MicrosoftAppId in production). */
export const TAB_APP_ID = '00000000-0000-0000-0000-000000000001';
export const TAB_HOST = 'referrals.contoso-partner.example';

export interface TabReply {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** Calls the tab's API as the tab does: same origin, a bearer token. */
export function tabClient(baseUrl: string) {
  async function call(method: string, path: string, token?: string, json?: unknown): Promise<TabReply> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the text is the body.
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  return {
    get: (path: string, token?: string) => call('GET', path, token),
    post: (path: string, token: string | undefined, json: unknown) => call('POST', path, token, json),
  };
}
export type TabClient = ReturnType<typeof tabClient>;

/** A desk (local mode, its connector peer, a Teams client) whose tab takes tokens from its own Entra peer. */
export interface TabDesk extends Desk {
  entra: EntraPeer;
  tab: TabClient;
  /** An Entra access token for `person` that the service accepts (claims may be changed). */
  tokenFor(person: Person, claims?: Record<string, unknown>): Promise<string>;
}

export async function startTabDesk(
  store: TestStore,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TabDesk> {
  const entra = await startEntraPeer(options.clock ? { clock: options.clock } : {});
  const desk = await startDesk(store, {
    ...(options.clock ? { clock: options.clock } : {}),
    env: {
      TAB_APP_ID,
      ENTRA_AUTHORITY_HOST: entra.url,
      ALLOWED_TENANT_IDS: TENANT_ID,
      ...options.env,
    },
  }).catch(async (error: unknown) => {
    await entra.close();
    throw error;
  });
  return {
    ...desk,
    entra,
    tab: tabClient(desk.service.url),
    tokenFor: (person, claims = {}) =>
      entra.sign(
        { tid: TENANT_ID, oid: person.aadObjectId, name: person.name, ...claims },
        { appId: TAB_APP_ID, host: TAB_HOST },
      ),
    async stop() {
      await desk.stop();
      await entra.close();
    },
  };
}

/** The ids of a list reply's rows. */
export const idsOf = (reply: TabReply): string[] =>
  (reply.body.items as { id: string }[]).map((item) => item.id);

export type { RunningService };
