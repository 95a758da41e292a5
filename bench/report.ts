// The tables the bench prints: each figure beside its floor, the ratio between them, and the goal it is held to.

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
