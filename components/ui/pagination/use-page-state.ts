'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

import { readPageState, toSearchParams, type PageState } from './page-state';

interface Written {
  /** The query string written. */
  qs: string;
  /** The URL's query string when it was written: until the router moves off it, `qs` is what the list shows. */
  fromQs: string;
  mode: 'push' | 'replace';
}

/**
 * The list's page state from the URL, and a setter that writes it back with the History API. Next syncs
 * useSearchParams with pushState, so React Query fetches the new page from /api without a server round-trip.
 * Page moves push (Back goes to the previous page); filter typing replaces (no history entry per keystroke).
 *
 * The History call is made from an effect, not from the event handler: Next patches pushState in an effect of its
 * router, which runs after the page's own components are interactive, so a change made in the first moments after
 * hydration would otherwise reach the URL but never useSearchParams (the list would stay on the old page). Until
 * the router shows the written URL (or has moved on, e.g. Back), the written state is what the list shows.
 */
export function usePageState(): [PageState, (next: PageState, mode?: 'push' | 'replace') => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const urlQs = params.toString();
  const [written, setWritten] = useState<Written | null>(null);
  const sent = useRef<Written | null>(null);
  // The router has caught up, or moved elsewhere (Back): the URL is the truth again (adjusted while rendering).
  if (written && urlQs !== written.fromQs) setWritten(null);

  useEffect(() => {
    if (!written || sent.current === written) return;
    sent.current = written;
    const url = written.qs ? `${pathname}?${written.qs}` : pathname;
    if (written.mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, [written, pathname]);

  const state =
    written && urlQs === written.fromQs ? readPageState(new URLSearchParams(written.qs)) : readPageState(params);
  const setState = useCallback(
    (next: PageState, mode: 'push' | 'replace' = 'push') =>
      setWritten({ qs: toSearchParams(next).toString(), fromQs: urlQs, mode }),
    [urlQs],
  );
  return [state, setState];
}
