/** A change's reason as its proposer gave it, or says there was none. */
export function ChangeReason({ reason }: { reason: string | null }) {
  return <>{reason || <span className="text-zinc-500 dark:text-zinc-400">No reason given</span>}</>;
}
