/** One measured comparison: ours against a baseline, as a ratio, with an optional target. */
export interface BenchRow {
  metric: string;
  unit: string;
  ours: number;
  baseline: number;
  /** What the baseline is, e.g. "official SDK" or "bare crypto.sign". */
  baselineLabel: string;
  /** ratio = ours / baseline; `max` = must be at most, `min` = at least. Absent: reported, not judged. */
  target?: { max?: number; min?: number };
}

export interface BenchOutcome extends BenchRow {
  section: string;
  ratio: number;
  pass?: boolean;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
const targetText = (t?: BenchRow['target']) =>
  t?.max !== undefined ? `<= ${t.max.toFixed(2)}` : t?.min !== undefined ? `>= ${t.min.toFixed(2)}` : 'info';

export function judge(section: string, row: BenchRow): BenchOutcome {
  const ratio = row.ours / row.baseline;
  const pass = row.target
    ? (row.target.max === undefined || ratio <= row.target.max) &&
      (row.target.min === undefined || ratio >= row.target.min)
    : undefined;
  return { ...row, section, ratio, pass };
}

/** Prints a section's rows as an aligned table and returns them judged. */
export function printSection(section: string, rows: BenchRow[]): BenchOutcome[] {
  const judged = rows.map((r) => judge(section, r));
  const table = [
    ['metric', 'ours', 'baseline', 'ratio', 'target', 'result'],
    ...judged.map((r) => [
      `${r.metric} (${r.unit})`,
      fmt(r.ours),
      `${fmt(r.baseline)} ${r.baselineLabel}`,
      r.ratio.toFixed(3),
      targetText(r.target),
      r.pass === undefined ? '-' : r.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  console.log(`\n== ${section}`);
  for (const row of table)
    console.log(
      row.map((cell, i) => (i === 0 || i === 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    );
  return judged;
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(sample: number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
