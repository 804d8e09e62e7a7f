import Link from 'next/link';
import { GitPullRequestArrow } from 'lucide-react';

import type { OpenChangeRef } from '@/lib/change-model/states';
import { changePath } from '@/lib/page-paths';

import { CHANGE_STATE_COPY } from './change-state-copy';

export interface OpenChangeLinkProps {
  change: OpenChangeRef;
}

/** "Change open · Awaiting approval": a key's open change, where a list would otherwise offer to change the key. */
export function OpenChangeLink({ change }: OpenChangeLinkProps) {
  return (
    <Link
      href={changePath(change.id)}
      prefetch={false}
      className="inline-flex items-center gap-1.5 rounded-md border border-sky-300 bg-sky-50 px-2.5 py-1 text-sm font-medium text-sky-950 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100 dark:hover:bg-sky-900"
    >
      <GitPullRequestArrow aria-hidden className="h-4 w-4 shrink-0" />
      Change open · {CHANGE_STATE_COPY[change.state].label}
    </Link>
  );
}
