import { describe, expect, it } from 'vitest';

import { ageLabel, formatExactUtc, formatLocalDate, formatRelative, parseTimestamp } from './relative-time-format';

const now = new Date('2026-11-26T12:00:00Z');

describe('parseTimestamp', () => {
  it('reads the spec example with a space and an offset', () => {
    expect(parseTimestamp('2021-07-01 00:00:00+00:00')?.toISOString()).toBe('2021-07-01T00:00:00.000Z');
  });
  it('reads ISO and refuses garbage', () => {
    expect(parseTimestamp('2026-11-26T11:00:00Z')?.getTime()).toBe(Date.parse('2026-11-26T11:00:00Z'));
    expect(parseTimestamp('yesterday')).toBeNull();
  });
});

describe('formatRelative', () => {
  it('picks the largest whole unit', () => {
    expect(formatRelative(new Date('2026-11-26T11:57:00Z'), now)).toBe('3 minutes ago');
    expect(formatRelative(new Date('2026-11-24T12:00:00Z'), now)).toBe('2 days ago');
    expect(formatRelative(new Date('2025-11-01T12:00:00Z'), now)).toBe('last year');
  });
  it('says "just now" under a minute and handles the future', () => {
    expect(formatRelative(new Date('2026-11-26T11:59:30Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2026-11-26T14:00:00Z'), now)).toBe('in 2 hours');
  });
});

describe('formatExactUtc', () => {
  it('prints UTC to the second', () => {
    expect(formatExactUtc(new Date('2026-11-26T11:57:03.456Z'))).toBe('2026-11-26 11:57:03 UTC');
  });
});

describe('formatLocalDate', () => {
  const date = new Date('2026-11-26T11:57:00Z');
  it('writes the date in the given locale and zone', () => {
    expect(formatLocalDate(date, { locale: 'en', timeZone: 'UTC' })).toBe('Nov 26, 2026, 11:57 AM');
    expect(formatLocalDate(date, { locale: 'de', timeZone: 'Europe/Berlin' })).toBe('26.11.2026, 12:57');
    expect(formatLocalDate(date, { locale: 'en-GB', timeZone: 'UTC', dateOnly: true })).toBe('26 Nov 2026');
  });
});

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
