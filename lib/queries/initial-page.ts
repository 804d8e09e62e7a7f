import type { PageParams } from './query-keys';

/** Data the server read for one page of a list, handed to the client hook as React Query's initialData. */
export interface InitialPage<T> {
  page: PageParams;
  data: T | null;
}

/** The server's data applies only to the very page it read (not to the next one the user opens). */
export function initialFor<T>(page: PageParams, initial: InitialPage<T> | undefined): T | undefined {
  if (!initial?.data) return undefined;
  const p = initial.page;
  return p.pageSize === page.pageSize && p.order === page.order && (p.cursor ?? '') === (page.cursor ?? '') ? initial.data : undefined;
}
