// Partner Center signs each webhook body with RSA-SHA256 and names the signing certificate by URL. Checked as its
// webhook docs say ("How to authenticate the callback"): the headers are present, the certificate comes from an
// allowed Microsoft host over https, chains to a trusted root, is valid now and belongs to Microsoft, and the
// signature over the raw UTF-8 body verifies with its key.
import { X509Certificate, verify } from 'node:crypto';
import type { CertificateSource } from './certificate-source';

const MAX_CHAIN_DEPTH = 5;

export interface WebhookTrust {
  /** Roots the signing certificate must chain to. */
  roots: X509Certificate[];
  /** `host` or `host:port` the signing certificate may be downloaded from (https only). */
  certificateHosts: string[];
  /** Hosts a missing intermediate CA certificate may be fetched from. */
  issuerHosts: string[];
  /** The organization (O=) the signing certificate's subject must name. */
  organization: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string };
type Headers = Record<string, string | string[] | undefined>;

export function webhookVerifier(trust: WebhookTrust, certificates: CertificateSource) {
  const refuse = (reason: string): Verdict => ({ ok: false, reason });

  async function verifyWebhook(headers: Headers, body: Buffer, now: Date): Promise<Verdict> {
    const signature = signatureOf(headers);
    if (!signature) return refuse('The signature is missing: send Authorization: Signature <base64>.');
    if (header(headers, 'x-ms-signature-algorithm')?.toLowerCase() !== 'rsa-sha256') {
      return refuse('X-MS-Signature-Algorithm must be rsa-sha256.');
    }
    const url = certificateUrl(header(headers, 'x-ms-certificate-url'));
    if (!url) return refuse('X-MS-Certificate-Url must be an https URL on an allowed Microsoft host.');
    let chain: X509Certificate[];
    try {
      chain = await certificates.fetch(url);
    } catch {
      return refuse('The signing certificate could not be downloaded.');
    }
    const [leaf, ...bundled] = chain;
    if (!leaf) return refuse('The certificate URL holds no certificate.');
    if (!leaf.subject.split('\n').includes(`O=${trust.organization}`)) {
      return refuse(`The signing certificate does not belong to ${trust.organization}.`);
    }
    const chainProblem = await chainProblemOf(leaf, bundled, now);
    if (chainProblem) return refuse(chainProblem);
    if (!verify('sha256', body, leaf.publicKey, signature))
      return refuse('The signature does not match the body.');
    return { ok: true };
  }

  function certificateUrl(raw: string | undefined): URL | undefined {
    if (!raw) return undefined;
    try {
      const url = new URL(raw);
      const allowed = url.protocol === 'https:' && !url.username && !url.password;
      return allowed && trust.certificateHosts.includes(url.host.toLowerCase()) ? url : undefined;
    } catch {
      return undefined;
    }
  }

  /** Why `leaf` does not chain to a trusted root at `now`, or undefined when it does. */
  async function chainProblemOf(
    leaf: X509Certificate,
    pool: X509Certificate[],
    now: Date,
  ): Promise<string | undefined> {
    let current = leaf;
    for (let depth = 0; depth < MAX_CHAIN_DEPTH; depth++) {
      if (!isValidAt(current, now)) return `The certificate "${commonName(current)}" is not valid now.`;
      const root = trust.roots.find((candidate) => isIssuedBy(current, candidate));
      if (root) return isValidAt(root, now) ? undefined : 'The trusted root has expired.';
      const issuer = pool.find((c) => c.ca && isIssuedBy(current, c)) ?? (await fetchIssuer(current));
      if (!issuer) return 'The signing certificate does not chain to a trusted root.';
      current = issuer;
    }
    return 'The certificate chain is too long.';
  }

  async function fetchIssuer(certificate: X509Certificate): Promise<X509Certificate | undefined> {
    const address = /CA Issuers - URI:(\S+)/.exec(certificate.infoAccess ?? '')?.[1];
    if (!address) return undefined;
    try {
      const url = new URL(address);
      if (!trust.issuerHosts.includes(url.host.toLowerCase())) return undefined;
      const [issuer] = await certificates.fetch(url);
      return issuer?.ca && isIssuedBy(certificate, issuer) ? issuer : undefined;
    } catch {
      return undefined;
    }
  }

  return verifyWebhook;
}

function signatureOf(headers: Headers): Buffer | undefined {
  const raw =
    header(headers, 'x-ms-signature') ??
    /^Signature\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '')?.[1];
  return raw && /^[A-Za-z0-9+/]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : undefined;
}

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isIssuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
}

function isValidAt(certificate: X509Certificate, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(certificate.validFrom) <= t && t <= Date.parse(certificate.validTo);
}

function commonName(certificate: X509Certificate): string {
  return /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? certificate.subject;
}
