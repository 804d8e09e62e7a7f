'use client';

import { useWaitingChanges } from '@/lib/queries/use-waiting-changes';

/** The sentence a screen reader hears for the badge. */
const waitingLabel = (count: number) => `${count} ${count === 1 ? 'change' : 'changes'} waiting for your approval`;

/**
 * The count of changes waiting for the signed-in user's approval, beside the "Changes" nav link; nothing when there
 * are none (or the count could not be read: the header is no place for an error).
 */
export function WaitingBadge() {
  const { data } = useWaitingChanges();
  const count = data?.count ?? 0;
  if (count === 0) return null;
  return (
    <>
      <span
        aria-hidden
        data-testid="waiting-count"
        className="ml-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-500 px-1.5 text-xs leading-5 font-semibold text-zinc-950 tabular-nums"
      >
        {count > 99 ? '99+' : count}
      </span>
      <span className="sr-only">{`, ${waitingLabel(count)}`}</span>
    </>
  );
}
