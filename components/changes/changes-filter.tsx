import Link from 'next/link';

import { cn } from '@/components/ui/cn';

export type ChangesFilterState = 'open' | 'closed' | 'all';

const FILTERS: Array<{ state: ChangesFilterState; label: string }> = [
  { state: 'all', label: 'All' },
  { state: 'open', label: 'Open' },
  { state: 'closed', label: 'Closed' },
];

/** `/changes?state=open&cursor=…`: the list's state lives in the URL (a link to a filtered list works). */
export function changesPageHref(path: string, state: ChangesFilterState, cursor: string | null): string {
  const q = new URLSearchParams();
  if (state !== 'all') q.set('state', state);
  if (cursor) q.set('cursor', cursor);
  const query = q.toString();
  return query ? `${path}?${query}` : path;
}

/** Reads the filter from the URL; anything else is "all". */
export function readChangesFilter(value: string | string[] | undefined): ChangesFilterState {
  return value === 'open' || value === 'closed' ? value : 'all';
}

export interface ChangesFilterProps {
  path: string;
  current: ChangesFilterState;
}

/** Open / closed / all, as links (no script needed; the page reads the URL). */
export function ChangesFilter({ path, current }: ChangesFilterProps) {
  return (
    <nav aria-label="Filter changes" className="mb-4 flex gap-1">
      {FILTERS.map((f) => (
        <Link
          key={f.state}
          href={changesPageHref(path, f.state, null)}
          aria-current={f.state === current ? 'page' : undefined}
          className={cn(
            'rounded-md px-3 py-1.5 text-sm font-medium',
            f.state === current
              ? 'bg-zinc-900 text-white dark:bg-white dark:text-zinc-900'
              : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          {f.label}
        </Link>
      ))}
    </nav>
  );
}
