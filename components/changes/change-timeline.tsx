import { ExactTime } from '@/components/ui/relative-time';
import type { ChangeTimelineEntry } from '@/lib/queries/types';

import { ActorName } from '@/components/ui/change/actor-name';
import { REQUEST_STATUS_COPY } from '@/components/ui/change/request-status-copy';

/**
 * The audit kind in words (`change_sent` → "Sent"); a Fireblocks state observed in words, with Fireblocks' own
 * name for it, which is what its console and support use.
 */
function timelineLabel(entry: ChangeTimelineEntry): string {
  const status = entry.fireblocksStatus;
  if (entry.kind === 'change_status' && status) {
    const copy = (REQUEST_STATUS_COPY as Partial<Record<string, { title: string }>>)[status];
    return copy ? `Fireblocks: ${copy.title} (${status})` : `Fireblocks: ${status}`;
  }
  const words = entry.kind.replace(/^change_/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ChangeTimelineProps {
  entries: ChangeTimelineEntry[];
}

/** Every step of the change as the audit trail recorded it, oldest first, each with its time and who did it. */
export function ChangeTimeline({ entries }: ChangeTimelineProps) {
  return (
    <section
      aria-labelledby="change-timeline-heading"
      className="rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="change-timeline-heading" className="mb-3 text-base font-semibold text-zinc-950 dark:text-white">
        Timeline
      </h2>
      <ol aria-label="Timeline" className="space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
        {entries.map((e) => (
          <li key={e.seq} className="text-sm">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">{timelineLabel(e)}</p>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              <ExactTime value={e.at} />
              {e.actor && (
                <>
                  {' · '}
                  <ActorName actor={e.actor} />
                </>
              )}
            </p>
            {e.detail && (
              <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">
                <bdi>{e.detail}</bdi>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
