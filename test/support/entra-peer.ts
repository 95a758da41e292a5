import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A local stand-in for Entra ID's sign-in host: one RSA key per peer, its JWKS served over real HTTP at
 * `/<tenant>/discovery/v2.0/keys` (any tenant, as Entra's common keys are), and tokens signed with it carrying the
 * claims a spec chooses. A service with `ENTRA_AUTHORITY_HOST` set to `url` checks the tab's tokens against it.
 */
export interface EntraPeer {
  /** e.g. http://127.0.0.1:41234 — the value for ENTRA_AUTHORITY_HOST. */
  url: string;
  /** The key id (`kid`) of the peer's key. */
  kid: string;
  /** The public key as served. */
  jwk: JWK;
  /** A signed access token; anything not given gets a value that the service accepts for `appId`/`host`. */
  sign(claims: TokenClaims, options?: SignOptions): Promise<string>;
  /** Every path asked for, in order (to see keys are cached). */
  requests: string[];
  close(): Promise<void>;
}

export interface TokenClaims {
  tid: string;
  oid: string;
  /** Default: `api://<host>/<appId>` from `sign`'s options. */
  aud?: string;
  /** Default: `<url of the real Entra>/<tid>/v2.0`, i.e. `https://login.microsoftonline.com/<tid>/v2.0`. */
  iss?: string;
  /** Seconds since the epoch; default an hour from now. */
  exp?: number;
  /** Default: five minutes ago. */
  iat?: number;
  nbf?: number;
  name?: string;
  preferred_username?: string;
  scp?: string;
  /** Anything else to put in. */
  [claim: string]: unknown;
}

export interface SignOptions {
  /** Used for the default audience `api://<host>/<appId>`. */
  appId?: string;
  host?: string;
  /** Sign with another key than the one served (a forged token). */
  key?: CryptoKey;
  /** Another `kid` in the header. */
  kid?: string;
}

/** The issuer Entra's v2.0 endpoint puts into its tokens (the real host's name, whatever host served the keys). */
export const entraIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

export async function startEntraPeer(
  options: {
    /** The time tokens are issued at: the service's clock, when a spec runs it on its own. */
    clock?: () => Date;
  } = {},
): Promise<EntraPeer> {
  const clock = options.clock ?? (() => new Date());
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-key-${Math.random().toString(36).slice(2, 10)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    if (req.method === 'GET' && /^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    kid,
    jwk,
    requests,
    async sign(claims, signing = {}) {
      const now = Math.floor(clock().getTime() / 1000);
      const { aud, iss, exp, iat, nbf, ...rest } = claims;
      const audience = aud ?? `api://${signing.host ?? 'localhost'}/${signing.appId ?? 'test-app-id'}`;
      return new SignJWT({ ver: '2.0', scp: 'access_as_user', ...rest })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signing.kid ?? kid })
        .setIssuer(iss ?? entraIssuer(claims.tid))
        .setAudience(audience)
        .setIssuedAt(iat ?? now - 300)
        .setNotBefore(nbf ?? iat ?? now - 300)
        .setExpirationTime(exp ?? now + 3600)
        .sign(signing.key ?? privateKey);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
