/** Parses Fireblocks' timestamps, which come as ISO or as `2021-07-01 00:00:00+00:00` (space, not T). */
export function parseTimestamp(value: string): Date | null {
  const d = new Date(value.includes('T') ? value : value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Building an Intl formatter costs ~60x more than using one: 100 rows took ~3.5 ms to build theirs, on the server and
// again while hydrating. One per locale, kept.
const formatters = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let fmt = formatters.get(locale);
  if (!fmt) {
    fmt = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    formatters.set(locale, fmt);
  }
  return fmt;
}

/** "3 minutes ago", "in 2 days", "just now" (under a minute either way). */
export function formatRelative(date: Date, now: Date, locale = 'en'): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const fmt = relativeFormatter(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return fmt.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/**
 * "12 s ago", "3 min ago", "2 h ago": how old something just read is (a walk of the workspace), short enough to sit
 * beside results, to the second; never in the future (a browser clock a little behind the server's).
 */
export function ageLabel(asOf: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(asOf)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  return `${Math.floor(minutes / 60)} h ago`;
}

/** Exact, unambiguous time for the tooltip: UTC, so two admins in two time zones read the same thing. */
export function formatExactUtc(date: Date): string {
  return `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The date (and time, unless `dateOnly`; to the second with `seconds`) in a locale and time zone: the admin's own once the page runs in their
 * browser (both undefined), a fixed `en`/UTC for the server's render, which cannot know them.
 */
export function formatLocalDate(
  date: Date,
  options: { locale?: string; timeZone?: string; dateOnly?: boolean; seconds?: boolean } = {},
): string {
  const precision = options.dateOnly ? 'd' : options.seconds ? 'dts' : 'dt';
  const key = `${options.locale ?? ''}|${options.timeZone ?? ''}|${precision}`;
  let fmt = dateFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(options.locale, {
      dateStyle: 'medium',
      ...(options.dateOnly ? {} : { timeStyle: options.seconds ? 'medium' : 'short' }),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    dateFormatters.set(key, fmt);
  }
  return fmt.format(date);
}
