'use client';

import { formatExactUtc, formatRelative, parseTimestamp } from './relative-time-format';

export interface RelativeTimeProps {
  value: string | undefined;
  /** Shown when there is no value. */
  fallback?: string;
}

/**
 * "3 minutes ago" with the exact UTC time on hover (title) and in the machine-readable <time>.
 * The server and the browser compute "ago" a moment apart, so the text may differ at hydration: expected.
 */
export function RelativeTime({ value, fallback = 'Never' }: RelativeTimeProps) {
  const date = value ? parseTimestamp(value) : null;
  if (!date) return <span className="text-zinc-600 dark:text-zinc-400">{value ?? fallback}</span>;
  const exact = formatExactUtc(date);
  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {formatRelative(date, new Date())}
    </time>
  );
}
