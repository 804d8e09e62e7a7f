'use client';

import { useQuery } from '@tanstack/react-query';

import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

/** What the approve dialog reads of `GET /api/me` (docs/contracts.md): the sign-in's age and the limit for approving. */
export interface SignInFreshness {
  /** When the user last authenticated at the IdP (ISO), if the IdP said. */
  authTime: string | null;
  stepUpMaxAgeSeconds: number;
}

/**
 * The signed-in user as `GET /api/me` reads them now: with when they last signed in at the IdP and how recent
 * that must be for an approval, so the approve dialog can say before anything is typed that a sign-in comes first.
 * Read each time it is asked for (the sign-in ages while the page is open).
 */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }) => fetchJson<SignInFreshness>(apiPaths.me(), { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Whether approving will ask for a fresh sign-in first (unknown sign-in time counts as too old, as on the server). */
export function needsStepUp(me: SignInFreshness, now: number): boolean {
  if (!me.authTime) return true;
  const at = Date.parse(me.authTime);
  return Number.isNaN(at) || now - at > me.stepUpMaxAgeSeconds * 1000;
}
