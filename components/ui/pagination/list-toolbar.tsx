'use client';

import { useCallback, useId } from 'react';

import { useUrlBackedText } from '@/components/ui/use-url-backed-text';

import { PAGE_SIZES, withOrder, withPageSize, type Order, type PageState } from './page-state';

export interface ListToolbarProps {
  state: PageState;
  onChange: (next: PageState, mode?: 'push' | 'replace') => void;
  /** What the filter looks at, for the placeholder, e.g. "name, ID or type". */
  filterHint: string;
}

const selectClass =
  'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/**
 * Filter, page size and order. The filter only narrows the rows already loaded, and its label says so:
 * Fireblocks has no search, and a box that looked like one would mislead.
 */
export function ListToolbar({ state, onChange, filterHint }: ListToolbarProps) {
  const id = useId();
  // The field keeps its own text (the URL is written after a pause, so no keystroke is lost to a URL update).
  const [q, setQ] = useUrlBackedText(
    state.q,
    useCallback((text: string) => onChange({ ...state, q: text }, 'replace'), [onChange, state]),
    250,
  );
  return (
    <div className="flex flex-col gap-3 border-b border-zinc-200 p-3 sm:flex-row sm:items-end sm:justify-between dark:border-zinc-800">
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:max-w-sm">
        <label htmlFor={`${id}-q`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Filter this page (Fireblocks has no search)
        </label>
        <div>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={filterHint}
            onChange={(e) => setQ(e.target.value)}
            className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
          />
        </div>
      </div>
      <div className="flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-size`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Rows per page
          </label>
          <select
            id={`${id}-size`}
            value={state.pageSize}
            onChange={(e) => onChange(withPageSize(state, Number(e.target.value)))}
            className={selectClass}
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-order`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Order
          </label>
          <select
            id={`${id}-order`}
            value={state.order}
            onChange={(e) => onChange(withOrder(state, e.target.value as Order))}
            className={selectClass}
          >
            <option value="DESC">Descending</option>
            <option value="ASC">Ascending</option>
          </select>
        </div>
      </div>
    </div>
  );
}
