'use client';

import Link from 'next/link';
import { GitPullRequestArrow } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ChangeResponse, ListChangesResponse } from '@/lib/queries/types';
import { useChanges } from '@/lib/queries/use-changes';

import { changePath } from '@/lib/page-paths';
import { openChangeQuery } from '@/lib/queries/change-queries';
import { ActorName } from './actor-name';
import { CHANGE_STATE_COPY } from './change-state-copy';
import { REQUEST_STATUS_COPY } from './request-status-copy';

/** "sent, waiting for approval in Fireblocks": a sent change in the words of its Fireblocks state, when known. */
function openStateWords(change: ChangeResponse): string {
  const label = CHANGE_STATE_COPY[change.state].label.toLowerCase();
  const status = change.fireblocks.lastStatus;
  const fireblocks =
    change.state === 'sent' && status
      ? (REQUEST_STATUS_COPY as Partial<Record<string, { title: string }>>)[status]
      : undefined;
  return fireblocks ? `${label}, ${fireblocks.title.toLowerCase()} in Fireblocks` : label;
}

export interface OpenChangeBannerProps {
  cosignerId: string;
  apiKeyId: string;
  /** The edit page says why there is no form; the key page only points at the change. */
  blocksEditing?: boolean;
  /** The server's read of the key's open change (state=open, pageSize=1), for the first paint. */
  initial?: ServerRead<ListChangesResponse>;
}

/** The key's open change, if any: who proposed it, where it stands, and its page. Renders nothing when there is none. */
export function OpenChangeBanner({ cosignerId, apiKeyId, blocksEditing = false, initial }: OpenChangeBannerProps) {
  const open = useChanges(openChangeQuery(cosignerId, apiKeyId), initial, { follow: true });
  const change = open.data?.data[0];
  if (!change) return null;
  return (
    <section
      aria-label="Open change"
      className="flex flex-col gap-3 rounded-lg border border-indigo-300 bg-indigo-50 p-4 text-sm text-indigo-950 sm:flex-row sm:items-center sm:justify-between dark:border-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-100"
    >
      <div className="flex items-start gap-3">
        <GitPullRequestArrow aria-hidden className="mt-0.5 h-5 w-5 shrink-0" />
        <div className="space-y-1">
          <p className="font-semibold">A change to this key is open: {openStateWords(change)}</p>
          <p>
            Proposed by <ActorName actor={change.proposer} /> <RelativeTime value={change.createdAt} />
            {change.reason && (
              <>
                {' '}
                — “<bdi>{change.reason}</bdi>”
              </>
            )}
            .
          </p>
          {blocksEditing && <p>This key cannot be changed again until that change ends.</p>}
        </div>
      </div>
      <Link href={changePath(change.id)} className={buttonClass({ className: 'shrink-0' })}>
        View the change
      </Link>
    </section>
  );
}
