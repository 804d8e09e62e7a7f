'use client';

import { useEffect, useState } from 'react';
import { RefreshCw } from 'lucide-react';

import { buttonClass } from './button-styles';

import { ageLabel, formatExactUtc } from './relative-time-format';

export interface FreshnessLabelProps {
  /** When the walk behind what is shown started (ISO). */
  asOf: string;
  /** What the label is about, e.g. "Results". */
  subject: string;
  onRefresh: () => void;
  refreshing: boolean;
}

/**
 * "Results as of 12 s ago" and a Refresh button: Fireblocks has no search, so results come from a walk of every page
 * that the server keeps for a short while, and the reader should know how old it is. Ticks every 5 s.
 */
export function FreshnessLabel({ asOf, subject, onRefresh, refreshing }: FreshnessLabelProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span>
        {subject} as of{' '}
        <time dateTime={asOf} title={formatExactUtc(new Date(asOf))}>
          {ageLabel(asOf, now)}
        </time>
      </span>
      <button
        type="button"
        onClick={onRefresh}
        disabled={refreshing}
        className={buttonClass({ variant: 'ghost', size: 'sm' })}
      >
        <RefreshCw aria-hidden className={refreshing ? 'h-4 w-4 animate-spin' : 'h-4 w-4'} />
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
    </p>
  );
}
