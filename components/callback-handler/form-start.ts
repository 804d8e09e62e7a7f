import { URL_MAX_CHARS } from '@/lib/callback-handler/url-rules';

/** What the edit page knows about its key query when deciding whether the form can start. */
export interface KeyQueryState {
  hasData: boolean;
  isFetching: boolean;
  /** True once the query has been fetched since the page mounted (React Query's isFetchedAfterMount). */
  isFetchedAfterMount: boolean;
}

/**
 * The form takes its starting values once, when it mounts, and later server data never overwrites what is typed
 * (a refetch landing between selecting a field and typing used to put the new text after the old URL). So it must
 * not start from a cached copy that a refetch is about to replace: while the first refetch after mount is in
 * flight, the page waits. Fresh data from the server render (no refetch) starts it at once.
 */
export function canStartForm(q: KeyQueryState): boolean {
  return q.hasData && !(q.isFetching && !q.isFetchedAfterMount);
}

/**
 * The URL a link asks the form to start with (`?url=`: the findings' one-click fix), or undefined. The form checks it
 * like anything typed, and the change is still reviewed side by side before it is sent.
 */
export function prefilledUrlOf(raw: string | string[] | undefined): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  return url.length > 0 && url.length <= URL_MAX_CHARS ? url : undefined;
}
