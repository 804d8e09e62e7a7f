/** Pass/fail counts of one test tool run, read from its JSON report. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const obj = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

/** Vitest's `json` reporter (Jest-compatible totals). A file that fails to load counts as one failure. */
export function countVitest(report: unknown): Counts {
  const r = obj(report);
  const suitesFailedWithoutTests = Array.isArray(r.testResults)
    ? r.testResults.filter((t) => {
        const s = obj(t);
        const assertions = Array.isArray(s.assertionResults) ? s.assertionResults : [];
        return s.status === 'failed' && !assertions.some((a) => obj(a).status === 'failed');
      }).length
    : 0;
  return {
    passed: num(r.numPassedTests),
    failed: num(r.numFailedTests) + suitesFailedWithoutTests,
    skipped: num(r.numPendingTests) + num(r.numTodoTests),
  };
}

/** Playwright's `json` reporter. A test that passed on retry (flaky) passed; errors outside tests count once each. */
export function countPlaywright(report: unknown): Counts {
  const r = obj(report);
  const stats = obj(r.stats);
  const globalErrors = Array.isArray(r.errors) ? r.errors.length : 0;
  return {
    passed: num(stats.expected) + num(stats.flaky),
    failed: num(stats.unexpected) + globalErrors,
    skipped: num(stats.skipped),
  };
}

/**
 * A step whose tool exited non-zero must show as failed even when its report lacks a failing test
 * (a crash, a timeout, a missing report): count the step itself as one failure then.
 */
export function withExitCode(counts: Counts | undefined, exitCode: number | null): Counts {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  return exitCode === 0 || c.failed > 0 ? c : { ...c, failed: c.failed + 1 };
}

export function sum(all: Counts[]): Counts {
  return all.reduce(
    (a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
}

/** The closing line CI reads: exactly `N passed, N failed`. */
export function closingLine(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed`;
}
