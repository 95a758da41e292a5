// Downloads the certificates a webhook signature names, with a bounded cache: Partner Center signs every event
// with the same certificate, so one download serves thousands of events, and a flood of events cannot grow memory.
import { X509Certificate } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

const DOWNLOAD_TIMEOUT_MS = 10_000;
const MAX_CERTIFICATE_BYTES = 64 * 1024;

export interface CertificateSource {
  /** The certificates at `url` (a DER file or a PEM bundle), leaf first. */
  fetch(url: URL): Promise<X509Certificate[]>;
}

export interface CertificateSourceOptions {
  /** How many URLs to remember (least recently used go first). */
  maxEntries?: number;
  /** How long a download is trusted before it is fetched again, so a rotated certificate is picked up. */
  maxAgeMs?: number;
  /** Extra roots for the TLS connection itself (tests); the system's roots otherwise. */
  tlsCa?: string;
  clock: () => Date;
}

export function cachedCertificateSource(options: CertificateSourceOptions): CertificateSource {
  const maxEntries = options.maxEntries ?? 16;
  const maxAgeMs = options.maxAgeMs ?? 60 * 60 * 1000;
  const cache = new Map<string, { certificates: X509Certificate[]; at: number }>();
  return {
    async fetch(url) {
      const key = url.href;
      const now = options.clock().getTime();
      const hit = cache.get(key);
      if (hit && now - hit.at < maxAgeMs) {
        cache.delete(key);
        cache.set(key, hit);
        return hit.certificates;
      }
      const certificates = parseCertificates(await download(url, options.tlsCa));
      cache.delete(key);
      cache.set(key, { certificates, at: now });
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
      return certificates;
    },
  };
}

export function parseCertificates(data: Buffer): X509Certificate[] {
  const text = data.toString('latin1');
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return pems ? pems.map((pem) => new X509Certificate(pem)) : [new X509Certificate(data)];
}

/** No redirects are followed: the allow-listed URL is the only place a certificate may come from. */
function download(url: URL, tlsCa: string | undefined): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { timeout: DOWNLOAD_TIMEOUT_MS, ...(tlsCa ? { ca: tlsCa } : {}) };
    const request = (url.protocol === 'https:' ? httpsGet : httpGet)(url, options, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`certificate download: HTTP ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CERTIFICATE_BYTES) request.destroy(new Error('certificate download: too large'));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks)));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('certificate download: timed out')));
    request.on('error', reject);
  });
}
