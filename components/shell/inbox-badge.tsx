'use client';

import { useInboxCount } from '@/lib/queries/use-inbox';

/** The sentence a screen reader hears for the badge. */
const inboxLabel = (count: number) => `${count} ${count === 1 ? 'item needs' : 'items need'} you`;

/**
 * How many things need the signed-in person, beside the "Inbox" nav link: changes awaiting their approval and their
 * changes that moved since they last looked. Nothing when there are none (or the count could not be read: the header
 * is no place for an error).
 */
export function InboxBadge() {
  const { data } = useInboxCount();
  const count = data?.count ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span
        aria-hidden
        data-testid="inbox-count"
        className="ml-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 text-xs leading-5 font-semibold text-zinc-950 tabular-nums"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">{`, ${inboxLabel(count)}`}</span>
    </>
  );
}
