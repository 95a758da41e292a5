// A small certificate authority for tests: a root, an intermediate, and the certificates a Partner Center peer
// needs (a webhook signer, an https server certificate), plus the bad ones a forger would bring.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

const { pki, asn1 } = forge;

export interface Issued {
  certPem: string;
  keyPem: string;
  /** DER bytes, as a `.cer` download serves them. */
  der: Buffer;
}

export interface IssueOptions {
  commonName: string;
  organization?: string;
  isCa?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  /** "CA Issuers" address (Authority Information Access) where the issuer's certificate can be fetched. */
  caIssuersUrl?: string;
  /** Subject alternative names for a TLS server certificate. */
  dnsNames?: string[];
  ipAddresses?: string[];
}

export interface TestCa {
  root: Issued;
  /** Issues a certificate signed by this CA's key. */
  issue(options: IssueOptions): Issued;
  /** A CA one level down, signed by this one. */
  intermediate(commonName: string, caIssuersUrl?: string): TestCa;
}

// Fixed, so specs on a fake clock (late 2026) and real TLS handshakes both fall inside.
const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2040-01-01T00:00:00Z');
let serial = 1;

/** A self-signed root CA, valid 2020–2040. */
export function createTestCa(
  commonName = 'Referral Desk Test Root',
  organization = 'Referral Desk Tests',
): TestCa {
  const keys = newKeys();
  const root = sign({ commonName, organization, isCa: true }, keys, undefined, keys);
  return caOf(root, keys);
}

function caOf(certificate: Issued, keys: Keys): TestCa {
  const issuer = { cert: pki.certificateFromPem(certificate.certPem), keys };
  return {
    root: certificate,
    issue: (options) => sign(options, newKeys(), issuer, keys),
    intermediate(commonName, caIssuersUrl) {
      const own = newKeys();
      const issued = sign(
        {
          commonName,
          organization: 'Referral Desk Tests',
          isCa: true,
          ...(caIssuersUrl ? { caIssuersUrl } : {}),
        },
        own,
        issuer,
        keys,
      );
      return caOf(issued, own);
    },
  };
}

interface Keys {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  privatePem: string;
}

/** Node's native generator: forge's pure-JS one takes seconds per key. */
function newKeys(): Keys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privatePem: privateKey,
  };
}

function sign(
  options: IssueOptions,
  keys: Keys,
  issuer: { cert: forge.pki.Certificate } | undefined,
  signingKeys: Keys,
): Issued {
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  cert.validity.notBefore = options.notBefore ?? NOT_BEFORE;
  cert.validity.notAfter = options.notAfter ?? NOT_AFTER;
  const subject = [
    { name: 'commonName', value: options.commonName },
    ...(options.organization ? [{ name: 'organizationName', value: options.organization }] : []),
  ];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions(extensionsFor(options));
  cert.sign(signingKeys.privateKey, forge.md.sha256.create());
  const der = Buffer.from(asn1.toDer(pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { certPem: pki.certificateToPem(cert), keyPem: keys.privatePem, der };
}

function extensionsFor(options: IssueOptions): object[] {
  const extensions: object[] = [
    { name: 'basicConstraints', cA: options.isCa ?? false, critical: true },
    options.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  ];
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(options.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  if (options.caIssuersUrl) extensions.push(authorityInfoAccess(options.caIssuersUrl));
  return extensions;
}

/** forge has no builder for AIA, so the extension is written in ASN.1 (RFC 5280 4.2.2.1). */
function authorityInfoAccess(url: string): object {
  const caIssuers = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer('1.3.6.1.5.5.7.48.2').getBytes()),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 6, false, url),
  ]);
  return {
    id: '1.3.6.1.5.5.7.1.1',
    value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [caIssuers]),
  };
}
