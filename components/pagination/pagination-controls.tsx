'use client';

import { useRef } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import { ChevronIcon } from '@/components/ui/inline-icons';

import { goNext, goPrevious, pageNumber, type PageState } from './page-state';

export interface PaginationControlsProps {
  state: PageState;
  onChange: (next: PageState) => void;
  /** Cursor of the next page; null on the last page, undefined while unknown. */
  next: string | null | undefined;
  /** e.g. "12 cosigners on this page". */
  summary: string;
  busy: boolean;
}

/** Previous / Next over Fireblocks cursors. There is no total count in the API, so none is invented. */
export function PaginationControls({ state, onChange, next, summary, busy }: PaginationControlsProps) {
  const nav = useRef<HTMLElement>(null);
  /** Moves to a page and brings the top of its list into view (the controls sit under the rows). */
  const go = (page: PageState) => {
    onChange(page);
    const list = nav.current?.parentElement;
    if (list && list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
  };
  return (
    <nav
      ref={nav}
      aria-label="Pagination"
      className="flex items-center justify-between gap-3 border-t border-zinc-200 px-3 py-2.5 text-sm dark:border-zinc-800"
    >
      <p className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
        Page {pageNumber(state)} · {summary}
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
