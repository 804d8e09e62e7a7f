import 'server-only';

import { cache } from 'react';

import { getChangeWithTimeline, listChanges } from '@/lib/changes/read-changes';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

import type { ServerRead } from './initial-page';
import { PREFETCH_BUDGET_MS } from './prefetch-budget';
import type { ChangesQuery } from './query-keys';
import type { ChangeWithTimeline, ListChangesResponse } from './types';

/**
 * First-paint reads of changes, with the functions behind /api/changes, so React Query starts with what /api would
 * answer. Database reads only; past the prefetch budget (a database slow to answer) the page renders without them
 * and the browser reads them through /api.
 */
async function withinBudget<T>(read: () => Promise<T>): Promise<ServerRead<T>> {
  const pending = read();
  // A late failure is the browser's to show (its own read fails with the request id); never an unhandled rejection.
  pending.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PREFETCH_BUDGET_MS);
  });
  try {
    return { data: await Promise.race([pending, late]), readAt: Date.now() };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The change with its timeline; null when there is no such change (the page answers 404). Once per request (React
 * cache): the change's layout checks that it exists, then its page shows it.
 */
export const fetchChange = cache(async (changeId: string): Promise<ServerRead<ChangeWithTimeline> | null> => {
  try {
    const read = await withinBudget(() => getChangeWithTimeline(getDb(), changeId));
    return { data: read.data?.data ?? null, readAt: read.readAt };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return null;
    return { data: null, readAt: Date.now() };
  }
});

/** A page of changes (null data when it could not be read in time: the browser reads it). */
export async function fetchChanges(q: ChangesQuery): Promise<ServerRead<ListChangesResponse>> {
  const query = {
    state: q.state,
    pageSize: q.pageSize,
    cosignerId: q.cosignerId,
    apiKeyId: q.apiKeyId,
    pageCursor: q.cursor,
  };
  try {
    return await withinBudget(() => listChanges(getDb(), query));
  } catch {
    return { data: null, readAt: Date.now() };
  }
}
