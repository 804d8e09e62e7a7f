import type { ChangesQuery } from './query-keys';

/** A key's open change (at most one exists: the database enforces it). */
export const openChangeQuery = (cosignerId: string, apiKeyId: string): ChangesQuery => ({
  state: 'open',
  pageSize: 1,
  cosignerId,
  apiKeyId,
});

/** A key's latest changes, as its page lists them. */
export const keyHistoryQuery = (cosignerId: string, apiKeyId: string): ChangesQuery => ({
  state: 'all',
  pageSize: 25,
  cosignerId,
  apiKeyId,
});

/** A cosigner's open changes, for the badges on its key list (one page of keys is at most 100). */
export const cosignerOpenChangesQuery = (cosignerId: string): ChangesQuery => ({
  state: 'open',
  pageSize: 100,
  cosignerId,
});

/** Every open change (at most one per key; the route's largest page): the awaiting ones are picked from it. */
export const awaitingApprovalQuery: ChangesQuery = { state: 'open', pageSize: 100 };
