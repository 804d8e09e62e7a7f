'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { fetchJson } from '@/lib/queries/fetch-json';
import type { MarkInboxSeenBody } from '@/lib/inbox/inbox-api-schemas';

import { apiPaths } from './api-paths';
import { initialDataOf, type ServerRead } from './initial-page';
import { queryKeys } from './query-keys';
import type { InboxCountResponse, InboxResponse } from './types';

/** How often the header re-reads the inbox's count while the tab is visible. */
const INBOX_REFETCH_MS = 15_000;

/**
 * How many things need the signed-in person (changes awaiting their approval, their changes that moved since they
 * last looked): read every 15 s while the tab is visible (never in a hidden tab) and again whenever the window
 * regains focus, so a colleague's proposal or decision shows without a reload.
 */
export function useInboxCount() {
  return useQuery({
    queryKey: queryKeys.changes.inboxCount(),
    queryFn: ({ signal }) => fetchJson<InboxCountResponse>(apiPaths.inboxCount(), { signal, background: true }),
    refetchInterval: INBOX_REFETCH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
  });
}

/** The inbox itself, from the server's first read, then read again on the count's rhythm while visible. */
export function useInbox(initial: ServerRead<InboxResponse>) {
  return useQuery({
    queryKey: queryKeys.changes.inbox(),
    queryFn: ({ signal }) => fetchJson<InboxResponse>(apiPaths.inbox(), { signal, background: true }),
    ...initialDataOf(initial),
    refetchInterval: INBOX_REFETCH_MS,
    refetchIntervalInBackground: false,
  });
}

/** Marks the inbox seen up to the newest move shown (a move that arrived since stays new); the count follows. */
export function useMarkInboxSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (through: string | undefined) =>
      fetchJson<{ seenAt: string }>(apiPaths.inboxSeen(), {
        method: 'POST',
        body: (through ? { through } : {}) satisfies MarkInboxSeenBody,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.changes.inbox() }),
  });
}
