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
