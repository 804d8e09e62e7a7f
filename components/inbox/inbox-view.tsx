'use client';

import { useId, type ReactNode } from 'react';
import Link from 'next/link';
import { Check, Loader2 } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { InboxItem, InboxResponse } from '@/lib/queries/types';
import { useInbox, useMarkInboxSeen } from '@/lib/queries/use-inbox';

export interface InboxViewProps {
  initial: ServerRead<InboxResponse>;
  /** Admins approve; a viewer's inbox only ever holds nothing, and says why. */
  approves: boolean;
}

const cardClass = 'rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900';
const linkClass = 'font-medium text-indigo-700 hover:underline dark:text-indigo-300';

/** One thing that needs the person: the notification's words first, then when, and the way to the change. */
function InboxEntry({ item }: { item: InboxItem }) {
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <bdi className="min-w-0 [overflow-wrap:anywhere]">{item.text}</bdi>
      <span className="flex shrink-0 items-baseline gap-3 text-sm text-zinc-600 dark:text-zinc-400">
        <RelativeTime value={item.at} />
        <Link href={`/changes/${encodeURIComponent(item.changeId)}`} className={linkClass}>
          Open the change
          <span className="sr-only"> to key …{item.apiKeyId.slice(-6)}</span>
        </Link>
      </span>
    </li>
  );
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cardClass}>
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id={id} className="text-base font-semibold text-zinc-950 dark:text-white">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

const listClass = 'divide-y divide-zinc-100 dark:divide-zinc-800';
const emptyClass = 'px-4 py-6 text-sm text-zinc-600 dark:text-zinc-400';

/**
 * The inbox: changes waiting for the person's approval, then their changes that moved since they last looked, each
 * in the webhook notification's words. Read again every 15 s while the tab is visible. Looking marks nothing: "Mark
 * as seen" does, up to the newest move shown, so one that arrives meanwhile stays new.
 */
export function InboxView({ initial, approves }: InboxViewProps) {
  const inbox = useInbox(initial);
  const markSeen = useMarkInboxSeen();
  if (!inbox.data) {
    return inbox.isError ? (
      <ErrorState title="Could not load your inbox" error={inbox.error} onRetry={() => void inbox.refetch()} />
    ) : (
      <p role="status" className={emptyClass}>
        Loading your inbox…
      </p>
    );
  }
  const { awaitingApproval, moved, seenAt } = inbox.data;
  const newest = moved.reduce<string | undefined>((at, item) => (at && at > item.at ? at : item.at), undefined);

  return (
    <div className="space-y-6">
      <Section title="Waiting for your approval">
        {awaitingApproval.length > 0 ? (
          <ul className={listClass}>
            {awaitingApproval.map((item) => (
              <InboxEntry key={item.changeId} item={item} />
            ))}
          </ul>
        ) : (
          <p className={emptyClass}>
            {approves
              ? 'No change waits for your approval.'
              : 'Only admins approve changes: nothing waits for you here.'}
          </p>
        )}
      </Section>
      <Section
        title="Your changes that moved"
        action={
          moved.length > 0 && (
            <button
              type="button"
              className={buttonClass({ size: 'sm' })}
              disabled={markSeen.isPending}
              onClick={() => markSeen.mutate(newest)}
            >
              {markSeen.isPending ? (
                <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
              ) : (
                <Check aria-hidden className="h-4 w-4" />
              )}
              Mark as seen
            </button>
          )
        }
      >
        {markSeen.isError && (
          <div className="px-4 pt-3">
            <ErrorState title="Could not mark your inbox as seen" error={markSeen.error} />
          </div>
        )}
        {moved.length > 0 ? (
          <ul className={listClass}>
            {moved.map((item) => (
              <InboxEntry key={item.changeId} item={item} />
            ))}
          </ul>
        ) : (
          <p className={emptyClass}>
            Nothing new since you last looked
            {seenAt ? (
              <>
                {' '}
                (<RelativeTime value={seenAt} />)
              </>
            ) : null}
            . Changes you propose or approve show here when they are approved, declined, sent, completed or fail.
          </p>
        )}
      </Section>
    </div>
  );
}
