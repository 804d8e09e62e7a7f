import type { PageParams } from './query-keys';

/**
 * What the server read for the first paint, and when (epoch ms, taken as the upstream answered). React Query gets
 * both: without the time it would date the data to the moment the browser hydrated, and a page kept in the
 * router's cache, or a slow first load, would pass old data off as fresh and skip the refetch it needs.
 */
export interface ServerRead<T> {
  data: T | null;
  readAt: number;
}

/** A server read of one page of a list, with the page it is for. */
export interface InitialPage<T> extends ServerRead<T> {
  page: PageParams;
}

/** The React Query options that seed a query with a server read (none when the server could not read it). */
export interface InitialDataOptions<T> {
  initialData?: T;
  initialDataUpdatedAt?: number;
}

export function initialDataOf<T>(read: ServerRead<T> | undefined): InitialDataOptions<T> {
  return read?.data ? { initialData: read.data, initialDataUpdatedAt: read.readAt } : {};
}

/** The server's data applies only to the very page it read (not to the next one the user opens). */
export function initialFor<T>(page: PageParams, initial: InitialPage<T> | undefined): InitialDataOptions<T> {
  if (!initial) return {};
  const p = initial.page;
  const samePage = p.pageSize === page.pageSize && p.order === page.order && (p.cursor ?? '') === (page.cursor ?? '');
  return samePage ? initialDataOf(initial) : {};
}
