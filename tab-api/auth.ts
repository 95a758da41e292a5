import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { isDevToken, type DevTokens } from './dev-tokens';

/** Who is calling the tab's API: the person the bot knows by the same Entra object id, in their tenant. */
export interface TabViewer {
  aadObjectId: string;
  tenantId?: string;
  name?: string;
}

export type AuthOutcome =
  | { ok: true; viewer: TabViewer }
  /** 401: the token is missing or not accepted; `reason` says why, in words safe to send back. */
  | { ok: false; status: 401; reason: string }
  /** 503: the tenant's keys could not be read, so nothing can be said about the token. */
  | { ok: false; status: 503; reason: string };

export interface TabAuthSettings {
  /**
   * The Entra app the tab's tokens are for (the bot's app registration): its id is in the audience. Absent: no
   * Entra token is accepted (local mode without TAB_APP_ID).
   */
  appId?: string;
  /** Tenants whose people may call; undefined takes any (local mode only). */
  allowedTenantIds?: readonly string[];
  /** Where each tenant's signing keys are read: `<host>/<tid>/discovery/v2.0/keys`. */
  authorityHost: string;
  /** Local mode only: the dev token signer. Absent in production, where a dev token is refused. */
  devTokens?: DevTokens;
  clock: Clock;
  log: Logger;
}

export interface TabAuth {
  /** The request's `Authorization: Bearer` token, checked. */
  authenticate(req: IncomingMessage): Promise<AuthOutcome>;
  /** A token given otherwise (the page's session cookie, page-session.ts), checked the same way. */
  authenticateToken(token: string): Promise<AuthOutcome>;
}

/** Clock skew allowed on `exp` and `nbf`, seconds. */
const SKEW_SECONDS = 60;
/** Tenants' key sets kept at once (the allow-list bounds them in production). */
const MAX_KEY_SETS = 100;
const KEYS_TIMEOUT_MS = 5_000;
// A tenant id is a GUID; the specs' tenants are words. Anything else never reaches a URL.
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;
const ENTRA_HOST = 'https://login.microsoftonline.com';
// What a bearer token may be made of (RFC 6750's b64token).
const TOKEN = /^[A-Za-z0-9_.~+/=-]+$/;
/** The scope the app registration exposes for the tab (README, "Entra set-up for the tab's single sign-on"). */
export const TAB_SCOPE = 'access_as_user';

const refuse = (reason: string): AuthOutcome => ({ ok: false, status: 401, reason });

/**
 * Checks the tab's bearer tokens (docs/tab-api.md, "Auth"): an Entra ID access token against its tenant's keys
 * (one remote key set per tenant, cached by jose and re-read when a key it does not know appears), its issuer,
 * audience, expiry and tenant; in local mode also the service's own dev tokens.
 */
export function createTabAuth(settings: TabAuthSettings): TabAuth {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const authority = settings.authorityHost.replace(/\/+$/, '');

  function keysOf(tenantId: string) {
    let keys = keySets.get(tenantId);
    if (!keys) {
      if (keySets.size >= MAX_KEY_SETS) keySets.delete(keySets.keys().next().value!);
      keys = createRemoteJWKSet(new URL(`${authority}/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`), {
        timeoutDuration: KEYS_TIMEOUT_MS,
      });
      keySets.set(tenantId, keys);
    }
    return keys;
  }

  const isForThisApp = (audience: string, appId: string) =>
    audience === appId ||
    new RegExp(`^api://[^/]+/(botid-)?${appId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').test(audience);

  async function entra(token: string, appId: string): Promise<AuthOutcome> {
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      return refuse('The token is not a JWT.');
    }
    const tenantId = unverified['tid'];
    if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId))
      return refuse('The token names no tenant.');
    // Before any key is fetched: a tenant not served never costs a request to Entra.
    if (settings.allowedTenantIds && !settings.allowedTenantIds.includes(tenantId))
      return refuse('The token is from a tenant this service does not serve.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysOf(tenantId), {
        issuer: [
          `${ENTRA_HOST}/${tenantId}/v2.0`,
          `${authority}/${tenantId}/v2.0`,
          `https://sts.windows.net/${tenantId}/`,
        ],
        algorithms: ['RS256'],
        clockTolerance: SKEW_SECONDS,
        currentDate: settings.clock(),
        requiredClaims: ['exp', 'aud', 'oid', 'tid'],
      }));
    } catch (error) {
      return entraRefusal(error, tenantId);
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud ?? ''];
    if (!audiences.some((audience) => isForThisApp(audience, appId)))
      return refuse('The token is for another application (audience).');
    if (payload['tid'] !== tenantId) return refuse('The token names no tenant.');
    // Teams asks for the app's one scope (docs/teams-platform.md, "Tab SSO"); a token for anything else is not ours.
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) return refuse(`The token lacks the ${TAB_SCOPE} scope.`);
    const oid = payload['oid'];
    if (typeof oid !== 'string' || oid === '') return refuse('The token names no person (oid).');
    const name = payload['name'];
    return {
      ok: true,
      viewer: { aadObjectId: oid, tenantId, ...(typeof name === 'string' && name ? { name } : {}) },
    };
  }

  function entraRefusal(error: unknown, tenantId: string): AuthOutcome {
    if (error instanceof errors.JWTExpired) return refuse('The token has expired.');
    if (error instanceof errors.JWTClaimValidationFailed)
      return refuse(`The token's ${error.claim} is not accepted.`);
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
      return refuse("The token's signature does not match its tenant's keys.");
    if (error instanceof errors.JOSEAlgNotAllowed) return refuse("The token's algorithm is not accepted.");
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isFetchFailure(error)) {
      settings.log.warn({ err: error, tenantId }, 'the tenant’s signing keys could not be read');
      return { ok: false, status: 503, reason: 'The sign-in keys could not be read; try again shortly.' };
    }
    if (error instanceof errors.JOSEError) return refuse('The token is not valid.');
    settings.log.warn({ err: error, tenantId }, 'the tab token check failed');
    return { ok: false, status: 503, reason: 'The sign-in keys could not be read; try again shortly.' };
  }

  async function dev(token: string, devTokens: DevTokens): Promise<AuthOutcome> {
    try {
      const person = await devTokens.verify(token);
      if (
        person.tenantId &&
        settings.allowedTenantIds &&
        !settings.allowedTenantIds.includes(person.tenantId)
      )
        return refuse('The token is from a tenant this service does not serve.');
      return { ok: true, viewer: person };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return refuse('The token has expired.');
      return refuse('The dev token is not valid (the service restarted since it was made?).');
    }
  }

  async function authenticateToken(token: string): Promise<AuthOutcome> {
    if (!TOKEN.test(token)) return refuse('The token is not a JWT.');
    if (isDevToken(token)) {
      return settings.devTokens
        ? dev(token, settings.devTokens)
        : refuse('Dev tokens are not accepted by this service.');
    }
    if (!settings.appId) return refuse('This service takes only its dev tokens (local mode).');
    return entra(token, settings.appId);
  }

  return {
    async authenticate(req) {
      const token = bearerTokenOf(req);
      if (!token) return refuse('Sign in: send Authorization: Bearer <token>.');
      return authenticateToken(token);
    },
    authenticateToken,
  };
}

/** The request's `Authorization: Bearer` token, when it has one of the right form. */
export function bearerTokenOf(req: IncomingMessage): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  return token && TOKEN.test(token) ? token : undefined;
}

/** jose's remote key set rethrows what fetch threw when the host could not be reached. */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && error.name === 'AbortError');
}
