'use client';

import { useEffect, useId, useRef, useState } from 'react';

import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useRefreshSearch, useSearch } from '@/lib/queries/use-search';
import { SEARCH_QUERY_MAX, SEARCH_QUERY_MIN, type SearchResponse } from '@/lib/search/search-api-schemas';

import { FreshnessLabel } from '@/components/ui/freshness-label';
import { searchPath } from '@/lib/page-paths';
import { SearchResults } from './search-results';

export interface SearchViewProps {
  /** The URL's `q` when the page was opened: the box starts from it, and from then on the box leads. */
  initialQuery: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryOf(data: SearchResponse, q: string): string {
  const found = data.keys.length + data.cosigners.length;
  if (found === 0) return `Nothing matches “${q}”.`;
  const parts = [plural(data.cosigners.length, 'cosigner'), plural(data.keys.length, 'API key')];
  return `${parts.join(' and ')} match “${q}”${data.truncated ? ' (showing the first of more)' : ''}.`;
}

/**
 * The search box and its results. What is typed lives in this component's state, never read back from the URL (a
 * URL round-trip per keystroke drops characters); once typing pauses, the query is searched and written to the URL
 * with replaceState, so a reload or a shared link shows the same results.
 */
export function SearchView({ initialQuery }: SearchViewProps) {
  const id = useId();
  const [text, setText] = useState(initialQuery);
  const debounced = useDebouncedValue(text.trim(), 300);
  // Enter searches at once, without waiting for the debounce; the next debounced value takes over again.
  const [submitted, setSubmitted] = useState<{ q: string; over: string } | null>(null);
  const q = submitted && submitted.over === debounced ? submitted.q : debounced;
  const searchable = q.length >= SEARCH_QUERY_MIN;
  const search = useSearch(q, searchable);
  const refresh = useRefreshSearch(q);
  const written = useRef(initialQuery.trim());

  useEffect(() => {
    if (written.current === q) return;
    written.current = q;
    window.history.replaceState(null, '', searchPath(q));
  }, [q]);

  const data = searchable ? search.data : undefined;
  return (
    <div className="space-y-4">
      <form
        role="search"
        aria-label="Keys and cosigners"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted({ q: text.trim(), over: debounced });
        }}
        className="flex flex-col gap-1"
      >
        <label htmlFor={`${id}-q`} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Search every page of every cosigner
        </label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={text}
          maxLength={SEARCH_QUERY_MAX}
          autoComplete="off"
          spellCheck={false}
          placeholder="Key ID, callback URL host, fingerprint, cosigner name"
          onChange={(e) => setText(e.target.value)}
          className="h-10 w-full max-w-xl rounded-md border border-zinc-300 bg-white px-3 text-sm shadow-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Fingerprints match in any form: with or without colons, any case.
        </p>
      </form>
      <p role="status" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {!searchable
          ? q.length > 0
            ? `Type at least ${SEARCH_QUERY_MIN} characters.`
            : ''
          : data && !search.isPlaceholderData
            ? summaryOf(data, q)
            : search.isError
              ? ''
              : 'Searching…'}
      </p>
      {searchable && search.isError && !data ? (
        <ErrorState
          title="Could not search"
          error={search.error}
          onRetry={() => void search.refetch()}
          retrying={search.isFetching}
        />
      ) : searchable && !data ? (
        <Skeleton className="h-40 w-full" />
      ) : data ? (
        <>
          <FreshnessLabel
            asOf={data.asOf}
            subject="Results"
            onRefresh={() => refresh.mutate()}
            refreshing={refresh.isPending}
          />
          {data.keys.length + data.cosigners.length === 0 ? (
            <EmptyState title={`Nothing matches “${q}”`}>
              Searched {plural(data.searched.keys, 'API key')} of {plural(data.searched.cosigners, 'cosigner')}.
            </EmptyState>
          ) : (
            <SearchResults data={data} />
          )}
          {data.truncated && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              More matched than are shown. Type more of the ID, host or fingerprint to narrow the results.
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
