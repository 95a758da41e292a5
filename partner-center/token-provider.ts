// Partner Center's Referrals API takes App+User tokens only (an app acting for a Referral admin/user), so the
// service holds a user's refresh token, obtained once at set-up, and redeems it with MSAL. Access tokens stay in
// memory; each rotated refresh token is kept (encrypted) in the store so a restart signs in with it. None ever
// reaches a log line.
import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type Configuration,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { Clock } from '../platform/clock';
import type { SignInOutcome } from '../services/integration-health';
import type { PartnerCenterSignIn } from '../storage/partner-center-sign-in';
import type { TokenProvider } from './api-client';

export const PARTNER_CENTER_SCOPE = 'https://api.partner.microsoft.com/user_impersonation';
/** Renew this long before expiry, so a token never runs out in the middle of a poll or a drain. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface PartnerCenterAuthSettings {
  clientId: string;
  tenantId: string;
  refreshToken: string;
  /** A confidential app's secret; without one the app is treated as a public client. */
  clientSecret?: string;
  /** The Entra ID sign-in host, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
}

export interface TokenProviderOptions {
  clock: Clock;
  /** Tests route MSAL's HTTP to a local token endpoint; otherwise Node's fetch. */
  networkClient?: INetworkModule;
  /** Tests describe their authority; otherwise MSAL discovers it. */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
  /** Where the rotated refresh token is kept across restarts; without it, memory only. */
  kept?: Pick<PartnerCenterSignIn, 'refreshTokenFor' | 'saveRotated'>;
  /** Told of each sign-in's outcome (the integration's health). */
  onSignIn?: (outcome: SignInOutcome) => void | Promise<void>;
}

export function msalTokenProvider(
  settings: PartnerCenterAuthSettings,
  options: TokenProviderOptions,
): TokenProvider {
  // MSAL does not cache what acquireTokenByRefreshToken returns, nor hand back the refresh token Azure AD rotates
  // with each answer; the network client keeps the newest one, so the configured token is needed only once.
  const configured = settings.refreshToken;
  let refreshToken: string | undefined;
  let rotatedNow: string | undefined;
  const network = keepingRefreshTokens(options.networkClient ?? fetchNetworkClient(), (rotated) => {
    rotatedNow = rotated;
  });
  const app = msalApp(settings, { ...options, networkClient: network });
  const scopes = [PARTNER_CENTER_SCOPE];
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  async function redeem(): Promise<string> {
    refreshToken ??= options.kept ? await options.kept.refreshTokenFor(configured) : configured;
    rotatedNow = undefined;
    const result = await app.acquireTokenByRefreshToken({ refreshToken, scopes });
    if (!result?.accessToken) throw new Error('Partner Center sign-in returned no access token');
    const now = options.clock();
    if (rotatedNow) {
      refreshToken = rotatedNow;
      // A store that cannot take it now does not fail the sign-in: the stored token stays valid (rotation does
      // not revoke the old one), and the next renewal stores its successor.
      await options.kept?.saveRotated(rotatedNow, configured, now).catch(() => undefined);
    }
    const expiresAt = result.expiresOn?.getTime() ?? now.getTime() + 10 * 60_000;
    cached = { token: result.accessToken, renewAt: expiresAt - RENEW_BEFORE_MS };
    return result.accessToken;
  }

  /** The health listener's own failures are its to report; they never fail a sign-in. */
  async function tell(outcome: SignInOutcome): Promise<void> {
    try {
      await options.onSignIn?.(outcome);
    } catch {
      // Nothing more to do here.
    }
  }

  async function renew(): Promise<string> {
    try {
      const token = await redeem();
      await tell({ ok: true, at: options.clock() });
      return token;
    } catch (error) {
      // MSAL's errors name the cause (AADSTS700082: expired for inactivity) and carry no token.
      await tell({ ok: false, at: options.clock(), error: (error as Error).message });
      throw error;
    }
  }

  return async () => {
    if (cached && options.clock().getTime() < cached.renewAt) return cached.token;
    inFlight ??= renew().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}

function keepingRefreshTokens(inner: INetworkModule, keep: (refreshToken: string) => void): INetworkModule {
  return {
    sendGetRequestAsync: (url, options, timeout) => inner.sendGetRequestAsync(url, options, timeout),
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions) {
      const response = await inner.sendPostRequestAsync<T>(url, options);
      const rotated = (response.body as { refresh_token?: unknown } | undefined)?.refresh_token;
      if (response.status === 200 && typeof rotated === 'string' && rotated !== '') keep(rotated);
      return response;
    },
  };
}

/** MSAL's HTTP on Node's fetch. */
export function fetchNetworkClient(): INetworkModule {
  const call = async <T>(
    url: string,
    method: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const response = await fetch(url, {
      method,
      headers: options?.headers,
      body: options?.body,
      signal: AbortSignal.timeout(20_000),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options) => call(url, 'GET', options),
    sendPostRequestAsync: (url, options) => call(url, 'POST', options),
  };
}

function msalApp(settings: PartnerCenterAuthSettings, options: TokenProviderOptions) {
  const host = settings.authorityHost.replace(/\/$/, '');
  const config: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority: `${host}/${settings.tenantId}`,
      ...(options.authorityMetadata ? { authorityMetadata: options.authorityMetadata } : {}),
      ...(options.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: options.cloudDiscoveryMetadata } : {}),
      ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
    },
    system: {
      ...(options.networkClient ? { networkClient: options.networkClient } : {}),
      loggerOptions: { piiLoggingEnabled: false },
    },
  };
  return settings.clientSecret
    ? new ConfidentialClientApplication(config)
    : new PublicClientApplication(config);
}
