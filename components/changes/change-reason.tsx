/**
 * A change's reason as its proposer gave it, or says there was none. In a <bdi>: people's text may be right-to-left
 * (or hold a control that says so), and must not reorder the words around it.
 */
export function ChangeReason({ reason }: { reason: string | null }) {
  return reason ? <bdi>{reason}</bdi> : <span className="text-zinc-500 dark:text-zinc-400">No reason given</span>;
}
