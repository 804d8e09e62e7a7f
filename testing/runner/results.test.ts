import { describe, expect, it } from 'vitest';

import { closingLine, countPlaywright, countVitest, sum, withExitCode } from './results';

describe('test result counting', () => {
  it('reads vitest totals and counts a file that failed to load', () => {
    const report = {
      numPassedTests: 40,
      numFailedTests: 1,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [{ status: 'failed' }] },
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{ status: 'passed' }] },
      ],
    };
    expect(countVitest(report)).toEqual({ passed: 40, failed: 2, skipped: 0 });
  });

  it('reads playwright stats: flaky passed, top-level errors failed', () => {
    const report = { stats: { expected: 9, unexpected: 1, flaky: 1, skipped: 2 }, errors: [{ message: 'config' }] };
    expect(countPlaywright(report)).toEqual({ passed: 10, failed: 2, skipped: 2 });
  });

  it('a tool that exited non-zero without a failing test still fails', () => {
    expect(withExitCode(undefined, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(withExitCode({ passed: 3, failed: 0, skipped: 0 }, null)).toEqual({ passed: 3, failed: 1, skipped: 0 });
    expect(withExitCode({ passed: 3, failed: 2, skipped: 0 }, 1)).toEqual({ passed: 3, failed: 2, skipped: 0 });
    expect(withExitCode({ passed: 3, failed: 0, skipped: 0 }, 0)).toEqual({ passed: 3, failed: 0, skipped: 0 });
  });

  it('ends with exactly "N passed, N failed"', () => {
    const total = sum([
      { passed: 3, failed: 0, skipped: 1 },
      { passed: 4, failed: 1, skipped: 0 },
    ]);
    expect(closingLine(total)).toBe('7 passed, 1 failed');
    expect(countVitest(null)).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
