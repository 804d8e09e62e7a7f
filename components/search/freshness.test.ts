import { describe, expect, it } from 'vitest';

import { ageLabel } from './freshness';

describe('ageLabel', () => {
  const asOf = '2026-11-30T10:00:00.000Z';
  const at = (ms: number) => Date.parse(asOf) + ms;

  it('counts seconds, then minutes, then hours', () => {
    expect(ageLabel(asOf, at(0))).toBe('0 s ago');
    expect(ageLabel(asOf, at(12_400))).toBe('12 s ago');
    expect(ageLabel(asOf, at(59_000))).toBe('59 s ago');
    expect(ageLabel(asOf, at(60_000))).toBe('1 min ago');
    expect(ageLabel(asOf, at(3_599_000))).toBe('59 min ago');
    expect(ageLabel(asOf, at(7_300_000))).toBe('2 h ago');
  });

  it('never says a walk is in the future (a browser clock a little behind the server)', () => {
    expect(ageLabel(asOf, at(-5_000))).toBe('0 s ago');
  });
});
