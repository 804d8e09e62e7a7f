'use client';

import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';

import type { PreflightMode } from '@/lib/preflight/preflight-schemas';
import { fetchJson } from './fetch-json';

import { apiPaths } from './api-paths';
import { queryKeys } from './query-keys';

/** What the approve dialog reads of `GET /api/me` (docs/contracts.md): who signs in, and how long their sign-in counts. */
interface SignInFreshness {
  name: string;
  stepUpMaxAgeSeconds: number;
  /** Seconds left, as the server counted them when it answered, before approving needs a fresh sign-in. */
  stepUpSecondsLeft: number;
}

/** What the approval and the edit form read of `GET /api/me`: the sign-in's freshness, and PREFLIGHT. */
export interface MeForChanges extends SignInFreshness {
  /** Whether a failing pre-flight check refuses an approval (`block`), is shown only (`warn`), or never runs. */
  preflightMode: PreflightMode;
}

/**
 * The signed-in user as `GET /api/me` reads them now: with how long their sign-in still counts for an approval, so
 * the approve dialog can say before anything is typed that a sign-in comes first. Read each time it is asked for.
 */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }) => fetchJson<MeForChanges>(apiPaths.me(), { signal }),
    enabled,
    staleTime: 0,
  });
}

/** Seconds left at `now` of a count the server gave at `receivedAt` (0: a fresh sign-in comes first). */
export function secondsLeftAt(secondsLeftThen: number, receivedAt: number, now: number): number {
  return Math.max(0, secondsLeftThen - Math.floor((now - receivedAt) / 1000));
}

/**
 * The sign-in's seconds left for approving, counted down each second on the page's clock from when /api/me
 * answered (never its date: the browser's clock may be off). Undefined until /api/me answered.
 */
export function useStepUpSecondsLeft(): { me: MeForChanges | undefined; secondsLeft: number | undefined } {
  const me = useMe();
  const [now, setNow] = useState(() => Date.now());
  const left = me.data && secondsLeftAt(me.data.stepUpSecondsLeft, me.dataUpdatedAt, now);
  useEffect(() => {
    if (!left) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [left]);
  return { me: me.data, secondsLeft: left };
}
