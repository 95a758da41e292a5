// What every section shares: its settings (read here only), statistics, the report table, and small helpers.
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

/** A figure's target, on the ratio against its floor or (for absolute limits such as memory) on the figure itself. */
export type Goal =
  | { on: 'ratio'; atMost: number }
  | { on: 'ratio'; atLeast: number }
  | { on: 'subject'; atMost: number; unit: string }
  | { on: 'subject'; atLeast: number; unit: string };

/** One line of a section's table. */
export interface Row {
  figure: string;
  subject: string;
  floor: string;
  ratio?: number;
  /** The subject was cut off by a budget, so it and the ratio are at least what is shown. */
  isLowerBound?: boolean;
  goal?: Goal;
  pass?: boolean;
}

/** A value with its unit, as a table cell shows it. */
export interface Measured {
  value: number;
  unit: 'ms' | 's' | '/s' | 'MB' | '';
  /** Cut off by a budget (a timeout): the real value is at least this. */
  isLowerBound?: boolean;
}

export const ms = (value: number): Measured => ({ value, unit: 'ms' });
export const seconds = (valueMs: number): Measured => ({ value: valueMs / 1000, unit: 's' });
export const perSecond = (value: number): Measured => ({ value, unit: '/s' });
export const megabytes = (value: number): Measured => ({ value, unit: 'MB' });
export const count = (value: number): Measured => ({ value, unit: '' });

export function show({ value, unit, isLowerBound }: Measured): string {
  const digits = unit === '' || value >= 100 ? 0 : value >= 1 ? 1 : 2;
  const suffix = unit === '' || unit === '/s' ? unit : ` ${unit}`;
  return `${isLowerBound ? '≥ ' : ''}${value.toFixed(digits)}${suffix}`;
}

/** The ratio as a table shows it: small ones with two significant digits, so 0.004× does not read as 0. */
export function ratioText(row: Row): string {
  if (row.ratio === undefined) return '';
  const digits = row.ratio >= 0.1 ? row.ratio.toFixed(2) : row.ratio.toPrecision(2);
  return `${row.isLowerBound ? '≥ ' : ''}${digits}×`;
}

function meets(goal: Goal, value: number): boolean {
  return 'atMost' in goal ? value <= goal.atMost : value >= goal.atLeast;
}

/** A row comparing `subject` with `floor`: the ratio subject/floor, checked against `goal` when there is one. */
export function compare(figure: string, subject: Measured, floor: Measured | string, goal?: Goal): Row {
  const ratio = typeof floor === 'string' ? undefined : subject.value / floor.value;
  const checked = goal?.on === 'ratio' ? ratio : subject.value;
  return {
    figure,
    subject: show(subject),
    floor: typeof floor === 'string' ? floor : show(floor),
    ratio,
    // A ratio to a floor that is itself only a lower bound says nothing either way; its cell shows the ≥.
    isLowerBound: subject.isLowerBound && !(typeof floor !== 'string' && floor.isLowerBound),
    goal,
    pass: goal && checked !== undefined ? meets(goal, checked) : undefined,
  };
}

export function goalText(goal: Goal | undefined): string {
  if (!goal) return '';
  const [sign, limit] = 'atMost' in goal ? ['≤', goal.atMost] : ['≥', goal.atLeast];
  return goal.on === 'ratio' ? `${sign} ${limit}×` : `${sign} ${limit} ${goal.unit}`;
}

export const verdict = (pass: boolean | undefined) => (pass === undefined ? '' : pass ? 'pass' : 'FAIL');

/** A plain-text table with aligned columns, the first column left-aligned and the rest right-aligned. */
export function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

export function rowsTable(rows: Row[]): string {
  return table(
    ['figure', 'subject', 'floor', 'ratio', 'goal', 'pass/fail'],
    rows.map((r) => [r.figure, r.subject, r.floor, ratioText(r), goalText(r.goal), verdict(r.pass)]),
  );
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

/**
 * Sends one referral through the real intake (`POST /api/referrals`, unsigned: local mode takes that from
 * loopback); returns its id. Anything but 201 is an error.
 */
export async function sendReferral(serviceUrl: string, externalId: string): Promise<string> {
  const res = await fetch(`${serviceUrl}/api/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sampleReferralJson(externalId)),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`intake of ${externalId}: HTTP ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
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
