'use client';

import Link from 'next/link';

import { RelativeTime } from '@/components/ui/relative-time';
import { rowClass, tableClass, tdClass, theadClass, thClass } from '@/components/ui/table-styles';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ListChangesResponse } from '@/lib/queries/types';
import { useChanges } from '@/lib/queries/use-changes';

import { ActorName } from '@/components/ui/change/actor-name';
import { awaitingApprovalQuery } from '@/lib/queries/change-queries';
import { changePath, keyPagePath } from '@/lib/page-paths';
import { approvalActionsFor, type ChangeViewer } from '@/lib/change-model/change-viewer';
import { ChangeReason } from './change-reason';

const ACTION_LABELS = { approve: 'Approve…', decline: 'Decline…', withdraw: 'Withdraw…' } as const;

export interface AwaitingApprovalProps {
  viewer: ChangeViewer;
  initial?: ServerRead<ListChangesResponse>;
}

/**
 * The top of `/changes`: changes that wait for a second admin, oldest first (the closest to expiring), each with
 * what the viewer can do about it. Approving and declining happen on the change's page, after its review: the
 * actions open it with that dialog.
 */
export function AwaitingApproval({ viewer, initial }: AwaitingApprovalProps) {
  const list = useChanges(awaitingApprovalQuery, initial, { follow: true });
  const rows = (list.data?.data ?? []).filter((c) => c.state === 'awaiting_approval').reverse();
  if (rows.length === 0) return null;
  return (
    <section
      aria-labelledby="awaiting-approval-heading"
      className="mb-6 rounded-lg border border-sky-300 bg-white shadow-sm dark:border-sky-800 dark:bg-zinc-900"
    >
      <h2 id="awaiting-approval-heading" className="px-4 pt-4 text-base font-semibold text-zinc-950 dark:text-white">
        Awaiting approval
      </h2>
      <p className="px-4 pt-1 pb-3 text-sm text-zinc-600 dark:text-zinc-400">
        Nothing is sent to Fireblocks until an admin other than the proposer approves.
      </p>
      <div className="overflow-x-auto">
        <table className={tableClass}>
          <caption className="sr-only">Changes awaiting approval</caption>
          <thead className={theadClass}>
            <tr>
              {['API key', 'Proposed by', 'Reason', 'Proposed', 'Expires', 'Actions'].map((c) => (
                <th key={c} scope="col" className={thClass}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((change) => (
              <tr key={change.id} className={rowClass}>
                <td className={`${tdClass} max-w-56`}>
                  <Link
                    href={keyPagePath(change.cosignerId, change.apiKeyId)}
                    prefetch={false}
                    className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
                  >
                    {change.apiKeyId}
                  </Link>
                </td>
                <td className={tdClass}>
                  <ActorName actor={change.proposer} />
                </td>
                <td className={`${tdClass} max-w-72 break-words text-zinc-700 dark:text-zinc-300`}>
                  <ChangeReason reason={change.reason} />
                </td>
                <td className={tdClass}>
                  <RelativeTime value={change.createdAt} />
                </td>
                <td className={tdClass}>
                  <RelativeTime value={change.expiresAt ?? undefined} fallback="Never" />
                </td>
                <td className={tdClass}>
                  <span className="flex flex-wrap gap-3">
                    <Link
                      href={changePath(change.id)}
                      prefetch={false}
                      className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                    >
                      Review
                    </Link>
                    {approvalActionsFor(viewer, change).map((action) => (
                      <Link
                        key={action}
                        href={`${changePath(change.id)}?${action}=1`}
                        prefetch={false}
                        className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                      >
                        {ACTION_LABELS[action]}
                      </Link>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
