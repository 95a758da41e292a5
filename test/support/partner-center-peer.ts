// A local stand-in for Partner Center: the Referrals API over http (list with next links, get, PATCH under
// If-Match, injected 429s and 5xx), certificate downloads over https, and webhook events signed the way
// Partner Center signs them, by certificates from a test CA.
import { createSign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTestCa, type Issued, type TestCa } from './test-ca';

export const PEER_TOKEN = 'peer-access-token';
const REFERRALS = '/v1.0/engagements/referrals';

export type Json = Record<string, unknown>;
export type SignerName = 'trusted' | 'untrusted-root' | 'expired' | 'not-microsoft';

export interface RecordedPatch {
  id: string;
  ifMatch: string | undefined;
  operations: { op: string; path: string; value: unknown }[];
}

interface Failure {
  method: string;
  status: number;
  headers?: Record<string, string>;
}

export interface PartnerCenterPeer {
  apiUrl: string;
  /** Host (host:port) the signing certificates are downloaded from, over https. */
  certificateHost: string;
  /** Host (host:port) the intermediate CA is fetched from (plain http, as Microsoft's own AIA URLs are). */
  issuerHost: string;
  /** The roots a verifier trusts (PEM), and the root for the https download's TLS. */
  rootPem: string;
  referrals: Map<string, Json>;
  patches: RecordedPatch[];
  /** Signing-certificate downloads served, to show they are cached. */
  certificateDownloads: number;
  /** Form bodies posted to the token endpoint (`/{tenant}/oauth2/v2.0/token`). */
  tokenRequests: URLSearchParams[];
  requests: { method: string; path: string }[];
  pageSize: number;
  /** Adds or replaces a referral, as someone changing it in Partner Center would: new eTag, later updatedDateTime. */
  put(referral: Json): Json;
  change(id: string, edit: (referral: Json) => void): Json;
  /** The next request with this method answers `status` instead. */
  failNext(method: string, status: number, headers?: Record<string, string>): void;
  /**
   * The token endpoint refuses the next `count` sign-ins as Entra ID refuses a dead refresh token
   * (400 invalid_grant, AADSTS700082).
   */
  refuseSignIns(count: number): void;
  signedEvent(
    eventName: string,
    referralId: string,
    signer?: SignerName,
  ): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

export async function startPartnerCenterPeer(): Promise<PartnerCenterPeer> {
  const ca = createTestCa();
  const api = createServer((req, res) => void handleApi(req, res));
  await listen(api);
  const apiUrl = `http://127.0.0.1:${port(api)}`;
  const intermediate = ca.intermediate('Test Issuing CA', undefined);
  const downloads = new Map<string, Buffer>([['/pki/issuing-ca.crt', intermediate.root.der]]);
  const tls = ca.issue({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  const certs = createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    const file = downloads.get(req.url ?? '');
    if (file) peer.certificateDownloads++;
    respond(res, file ? 200 : 404, undefined, file);
  });
  await listen(certs);
  const certificateHost = `127.0.0.1:${port(certs)}`;
  const signers = createSigners(ca, intermediate, `${apiUrl}/pki/issuing-ca.crt`);
  for (const [name, signer] of Object.entries(signers)) downloads.set(`/cert/${name}.cer`, signer.der);

  const referrals = new Map<string, Json>();
  const patches: RecordedPatch[] = [];
  const requests: { method: string; path: string }[] = [];
  const failures: Failure[] = [];
  let version = 0;
  const base = Date.parse('2026-11-20T08:55:00Z');

  function stamp(referral: Json): Json {
    version++;
    const stamped = {
      ...referral,
      eTag: `"etag-${version}"`,
      updatedDateTime: new Date(base + version * 60_000).toISOString(),
    };
    referrals.set(String(referral.id), stamped);
    return stamped;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', apiUrl);
    requests.push({ method: req.method ?? '', path: url.pathname + url.search });
    if (req.method === 'GET' && url.pathname === '/pki/issuing-ca.crt') {
      respond(res, 200, undefined, downloads.get(url.pathname));
      return;
    }
    if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token'))
      return token(await readBody(req), res);
    if (!req.headers.authorization?.startsWith(`Bearer ${PEER_TOKEN}`))
      return send(res, 401, { error: 'bad token' });
    const failure = failures.findIndex((f) => f.method === req.method);
    if (failure >= 0) {
      const [{ status, headers }] = failures.splice(failure, 1) as [Failure];
      respond(res, status, headers, JSON.stringify({ error: `injected ${status}` }));
      return;
    }
    const body = await readBody(req);
    const id = url.pathname.startsWith(`${REFERRALS}/`)
      ? decodeURIComponent(url.pathname.slice(REFERRALS.length + 1))
      : undefined;
    if (req.method === 'GET' && url.pathname === REFERRALS) return send(res, 200, list(url));
    if (req.method === 'GET' && id)
      return referrals.has(id) ? send(res, 200, referrals.get(id)) : send(res, 404, {});
    if (req.method === 'PATCH' && id) return patch(id, req, body, res);
    send(res, 404, {});
  }

  function list(url: URL): Json {
    const filter = url.searchParams.get('$filter');
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const matching = [...referrals.values()].filter(
      (r) =>
        filter !== "direction eq 'Incoming' and substatus eq 'Pending'" ||
        (r.direction !== 'Outgoing' && r.substatus === 'Pending'),
    );
    const page = matching.slice(skip, skip + peer.pageSize);
    const next = skip + peer.pageSize < matching.length;
    const nextLink = `${apiUrl}${REFERRALS}?$filter=${encodeURIComponent(filter ?? '')}&$skip=${skip + peer.pageSize}`;
    return { value: page, totalCount: matching.length, ...(next ? { '@odata.nextLink': nextLink } : {}) };
  }

  function patch(id: string, req: IncomingMessage, body: string, res: ServerResponse): void {
    const current = referrals.get(id);
    if (!current) return send(res, 404, {});
    const operations = JSON.parse(body) as RecordedPatch['operations'];
    const ifMatch = req.headers['if-match'];
    patches.push({ id, ifMatch, operations });
    if (ifMatch !== current.eTag) return send(res, 412, { error: 'eTag mismatch' });
    if (operations.some((o) => o.op !== 'replace' && o.op !== 'add'))
      return send(res, 400, { error: 'bad op' });
    const updated = stamp(applyPatch(structuredClone(current), operations));
    if (req.headers.prefer === 'return=representation') return send(res, 200, updated);
    respond(res, 204, undefined);
  }

  /** Azure AD's refresh-token grant: each answer rotates the refresh token, as Azure AD does. */
  let refusals = 0;
  function token(body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    peer.tokenRequests.push(form);
    if (refusals > 0) {
      refusals--;
      return send(res, 400, {
        error: 'invalid_grant',
        error_description: 'AADSTS700082: The refresh token has expired due to inactivity.',
        error_codes: [700082],
      });
    }
    const n = peer.tokenRequests.length;
    send(res, 200, {
      token_type: 'Bearer',
      scope: form.get('scope'),
      expires_in: 3600,
      access_token: `${PEER_TOKEN}-${n}`,
      refresh_token: `rotated-refresh-token-${n}`,
      id_token: unsignedJwt({
        oid: 'user-oid',
        tid: 'tenant-id',
        preferred_username: 'sales@fabrikam.example',
        aud: form.get('client_id'),
        iss: 'https://login.microsoftonline.com/tenant-id/v2.0',
        iat: 1,
        exp: 4102444800,
      }),
      client_info: Buffer.from(JSON.stringify({ uid: 'user-oid', utid: 'tenant-id' })).toString('base64url'),
    });
  }

  const peer: PartnerCenterPeer = {
    apiUrl,
    certificateHost,
    issuerHost: new URL(apiUrl).host,
    rootPem: ca.root.certPem,
    referrals,
    patches,
    certificateDownloads: 0,
    tokenRequests: [],
    requests,
    pageSize: 2,
    put: (referral) => stamp(referral),
    change(id, edit) {
      const referral = structuredClone(referrals.get(id));
      if (!referral) throw new Error(`peer: no referral ${id}`);
      edit(referral);
      return stamp(referral);
    },
    refuseSignIns(count) {
      refusals = count;
    },
    failNext: (method, status, headers) =>
      void failures.push({ method, status, ...(headers ? { headers } : {}) }),
    signedEvent(eventName, referralId, signer = 'trusted') {
      const body = JSON.stringify({
        EventName: eventName,
        ResourceUri: `${apiUrl}${REFERRALS}/${referralId}`,
        ResourceName: 'referral',
        AuditUri: null,
        ResourceChangeUtcDate: '2026-11-20T09:00:00.0000000+00:00',
      });
      const signature = createSign('sha256').update(body).sign(signers[signer].keyPem, 'base64');
      return {
        body,
        headers: {
          'content-type': 'application/json',
          authorization: `Signature ${signature}`,
          'x-ms-certificate-url': `https://${certificateHost}/cert/${signer}.cer`,
          'x-ms-signature-algorithm': 'rsa-sha256',
        },
      };
    },
    async close() {
      await Promise.all([api, certs].map((server) => new Promise((done) => server.close(done))));
    },
  };
  return peer;
}

/** The signer Partner Center would use, and the ones a forger or a careless operator would. */
function createSigners(ca: TestCa, intermediate: TestCa, caIssuersUrl: string): Record<SignerName, Issued> {
  const microsoft = {
    commonName: 'pcnotifications-dispatch.microsoft.com',
    organization: 'Microsoft Corporation',
    caIssuersUrl,
  };
  return {
    trusted: intermediate.issue(microsoft),
    'untrusted-root': createTestCa('Forger Root').issue(microsoft),
    expired: intermediate.issue({ ...microsoft, notAfter: new Date('2025-01-01T00:00:00Z') }),
    'not-microsoft': intermediate.issue({ ...microsoft, organization: 'Contoso' }),
  };
}

function applyPatch(referral: Json, operations: RecordedPatch['operations']): Json {
  for (const { path, value } of operations) {
    const keys = path.split('/').slice(1);
    const last = keys.pop() as string;
    let node = referral as Record<string, unknown>;
    for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
    if (last === '-' && Array.isArray(node)) node.push(value);
    else if (last === '-') throw new Error(`peer: ${path} is not a list`);
    else node[last] = value;
  }
  return referral;
}

function unsignedJwt(claims: Json): string {
  const part = (value: Json) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** Not chained: restify, loaded in the same process, patches ServerResponse.writeHead to return nothing. */
function respond(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> | undefined,
  body?: Buffer | string,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  respond(res, status, { 'content-type': 'application/json' }, JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server | ReturnType<typeof createHttpsServer>): Promise<void> {
  return new Promise((done) => server.listen(0, '127.0.0.1', done));
}

function port(server: Server | ReturnType<typeof createHttpsServer>): number {
  return (server.address() as AddressInfo).port;
}
