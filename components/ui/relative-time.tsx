'use client';

import { useSyncExternalStore } from 'react';

import { formatExactUtc, formatLocalDate, formatRelative, parseTimestamp } from './relative-time-format';

export interface RelativeTimeProps {
  value: string | undefined;
  /** Shown when there is no value. */
  fallback?: string;
  /** A day rather than an instant (a certificate's validity): the date alone, still with how far it is. */
  dateOnly?: boolean;
}

const never = () => () => undefined;

/** False while rendering on the server and hydrating (which cannot know the admin's locale and zone), then true. */
const useInBrowser = () =>
  useSyncExternalStore(
    never,
    () => true,
    () => false,
  );

/**
 * The one way the console shows a date: in the admin's locale and time zone, with how long ago (or how far ahead)
 * it is, "30 Nov 2026, 10:07 (3 minutes ago)", and the exact UTC time on hover (title) and in the machine-readable
 * <time>. The server cannot know the locale: it renders en/UTC, and the browser swaps in its own right after
 * hydrating (useSyncExternalStore's server snapshot), so hydration never mismatches.
 */
export function RelativeTime({ value, fallback = 'Never', dateOnly = false }: RelativeTimeProps) {
  const inBrowser = useInBrowser();
  const date = value ? parseTimestamp(value) : null;
  if (!date) return <span className="text-zinc-600 dark:text-zinc-400">{value ?? fallback}</span>;
  const local = formatLocalDate(date, inBrowser ? { dateOnly } : { locale: 'en', timeZone: 'UTC', dateOnly });
  return (
    <time dateTime={date.toISOString()} title={formatExactUtc(date)} suppressHydrationWarning>
      <span>{local}</span>{' '}
      {/* One string: JSX text around an expression would add comment markers to every row's HTML. */}
      <span className="whitespace-nowrap" suppressHydrationWarning>{`(${formatRelative(date, new Date())})`}</span>
    </time>
  );
}

/**
 * An instant to the second, for records read for their order and spacing (a change's timeline, the audit trail): in
 * the admin's locale and zone like every other time, the exact UTC time on hover, no "ago".
 */
export function ExactTime({ value }: { value: string }) {
  const inBrowser = useInBrowser();
  const date = parseTimestamp(value);
  if (!date) return <span>{value}</span>;
  return (
    <time
      dateTime={date.toISOString()}
      title={formatExactUtc(date)}
      className="whitespace-nowrap tabular-nums"
      suppressHydrationWarning
    >
      {formatLocalDate(date, inBrowser ? { seconds: true } : { locale: 'en', timeZone: 'UTC', seconds: true })}
    </time>
  );
}
