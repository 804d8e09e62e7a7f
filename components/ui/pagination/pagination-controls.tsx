'use client';

import { useRef } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import { ChevronIcon } from '@/components/ui/inline-icons';

import { goNext, goPrevious, pageNumber, type PageState } from './page-state';

/** What the controls need from the list's React Query read. */
interface PagedQuery {
  data?: { next?: string | null };
  isFetching: boolean;
  isError: boolean;
}

export interface PaginationControlsProps {
  state: PageState;
  onChange: (next: PageState) => void;
  /** The page's read: its `next` cursor (null on the last page, undefined while unknown), busy, failed. */
  query: PagedQuery;
  /** What is on the page once it loaded, e.g. "12 cosigners" (see rowsSummary); a failed read says "not loaded". */
  summary: string;
}

/** "12 keys", or "3 of 12 shown" while a filter hides some of the loaded rows. */
export function rowsSummary(shown: number, loaded: number, filtered: boolean, [one, many]: [string, string]): string {
  return filtered ? `${shown} of ${loaded} shown` : `${loaded} ${loaded === 1 ? one : many}`;
}

/**
 * Previous / Next over Fireblocks cursors. There is no total count in the API, so none is invented. Hidden while the
 * first page never loaded; past the first page Previous stays, the way back to a page that loaded.
 */
export function PaginationControls({ state, onChange, query, summary }: PaginationControlsProps) {
  const nav = useRef<HTMLElement>(null);
  /** Moves to a page and brings the top of its list into view (the controls sit under the rows). */
  const go = (page: PageState) => {
    onChange(page);
    const list = nav.current?.parentElement;
    if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
  };
  if (query.isError && !query.data && state.prev.length === 0) return null;
  const next = query.data?.next;
  const busy = query.isFetching;
  return (
    <nav
      ref={nav}
      aria-label="Pagination"
      className="flex items-center justify-between gap-3 border-t border-zinc-200 px-3 py-2.5 text-sm dark:border-zinc-800"
    >
      <p className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
        Page {pageNumber(state)} · {query.isError ? 'not loaded' : summary}
      </p>
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={buttonClass({ size: 'sm' })}
          disabled={busy || state.prev.length === 0}
          onClick={() => go(goPrevious(state))}
          aria-label="Previous page"
        >
          <ChevronIcon direction="left" className="h-4 w-4" />
          <span className="hidden sm:inline">Previous</span>
        </button>
        <button
          type="button"
          className={buttonClass({ size: 'sm' })}
          disabled={busy || !next}
          onClick={() => next && go(goNext(state, next))}
          aria-label="Next page"
        >
          <span className="hidden sm:inline">Next</span>
          <ChevronIcon direction="right" className="h-4 w-4" />
        </button>
      </div>
    </nav>
  );
}
