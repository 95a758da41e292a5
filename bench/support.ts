// What every section shares: its settings (read here only), statistics, and small helpers.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { sampleReferralJson } from '../test/support/sample-referral';

/** The bench's settings, from the environment, read once. */
export interface BenchSettings {
  /** Referrals already stored ("history") for accept and intake; the first is what the others are compared to. */
  sizes: number[];
  /** Referrals sent through intake per size. */
  intakeCount: number;
  /** Cards in the pacing section's backlog. */
  pacingCount: number;
}

function positiveIntegers(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`${name}=${raw}: expected positive integers separated by commas`);
  return values;
}

export function readBenchSettings(): BenchSettings {
  return {
    sizes: positiveIntegers('BENCH_SIZES', '1000,10000,50000'),
    intakeCount: positiveIntegers('BENCH_INTAKE_COUNT', '400')[0]!,
    pacingCount: positiveIntegers('BENCH_PACING_COUNT', '200')[0]!,
  };
}

/** Nearest-rank percentile, q in (0, 1]: p99 of 50 samples is the slowest of them. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export const median = (samples: number[]) => percentile(samples, 0.5);

/** Runs `work` on every item with at most `concurrency` at once; results in item order. */
export async function mapConcurrent<T, U>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<U>,
): Promise<U[]> {
  const results = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** How long `work` took, in ms, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const startedAt = performance.now();
  const value = await work();
  return { ms: performance.now() - startedAt, value };
}

/** Progress on stderr, so stdout holds only the tables. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export const sleep = (msToWait: number) => new Promise<void>((done) => setTimeout(done, msToWait));

// The sender shares the service's process and core: node's own HTTP client on kept-alive connections costs a
// fraction of what fetch (undici with web streams) does, so the figure is more the service's and less the sender's.
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends one referral through the real intake (`POST /api/referrals`, unsigned: local mode takes that from
 * loopback); returns its id. Anything but 201 is an error.
 */
export function sendReferral(serviceUrl: string, externalId: string): Promise<string> {
  const body = JSON.stringify(sampleReferralJson(externalId));
  return new Promise((done, fail) => {
    const req = request(
      `${serviceUrl}/api/referrals`,
      {
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 201)
            fail(new Error(`intake of ${externalId}: HTTP ${res.statusCode} ${text}`));
          else done((JSON.parse(text) as { id: string }).id);
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** Sends each referral through the intake, `concurrency` at a time; returns their ids. */
export const sendReferrals = (serviceUrl: string, externalIds: readonly string[], concurrency: number) =>
  mapConcurrent(externalIds, concurrency, (externalId) => sendReferral(serviceUrl, externalId));

/** `count` external ids unique to this run, so sections sharing a database never repeat one. */
export function externalIds(prefix: string, howMany: number): string[] {
  const run = process.pid.toString(36);
  return Array.from({ length: howMany }, (_, i) => `${prefix}-${run}-${i}`);
}

/** 1000 → "1k", 50000 → "50k", 1500 → "1.5k". */
export const sizeLabel = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));
