'use client';

import { useCallback } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

import { readPageState, toSearchParams, type PageState } from './page-state';

/**
 * The list's page state from the URL, and a setter that writes it back with the History API. Next syncs
 * useSearchParams with pushState, so React Query fetches the new page from /api without a server round-trip.
 * Page moves push (Back goes to the previous page); filter typing replaces (no history entry per keystroke).
 */
export function usePageState(): [PageState, (next: PageState, mode?: 'push' | 'replace') => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = readPageState(params);
  const setState = useCallback(
    (next: PageState, mode: 'push' | 'replace' = 'push') => {
      const qs = toSearchParams(next).toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );
  return [state, setState];
}
