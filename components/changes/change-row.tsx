import Link from 'next/link';

import { RelativeTime } from '@/components/ui/relative-time';
import { rowClass, tdClass } from '@/components/ui/table-styles';
import type { ChangeResponse } from '@/lib/queries/types';

import { ActorName } from '@/components/ui/change/actor-name';
import { changePath, cosignerPath, keyPagePath } from '@/lib/page-paths';
import { ChangeStateBadge } from './change-state-badge';
import { ChangeReason } from './change-reason';

export interface ChangeRowProps {
  change: ChangeResponse;
  /** Off in a key's own history, where every row is that key. */
  showKey: boolean;
}

/** One change in a list: its state, whose key, who proposed it and why, how long ago, and its page. */
export function ChangeRow({ change, showKey }: ChangeRowProps) {
  return (
    <tr className={rowClass}>
      <td className={tdClass}>
        <ChangeStateBadge state={change.state} />
      </td>
      {showKey && (
        <>
          <td data-label="API key" className={`${tdClass} max-w-56`}>
            <Link
              href={keyPagePath(change.cosignerId, change.apiKeyId)}
              prefetch={false}
              className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {change.apiKeyId}
            </Link>
          </td>
          <td data-label="Cosigner" className={`${tdClass} max-w-40`}>
            <Link
              href={cosignerPath(change.cosignerId)}
              prefetch={false}
              className="font-mono text-xs break-all text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {change.cosignerId}
            </Link>
          </td>
        </>
      )}
      <td data-label="Proposed by" className={tdClass}>
        <ActorName actor={change.proposer} />
      </td>
      <td data-label="Reason" className={`${tdClass} max-w-72 break-words text-zinc-700 dark:text-zinc-300`}>
        <ChangeReason reason={change.reason} />
      </td>
      <td data-label="Proposed" className={tdClass}>
        <RelativeTime value={change.createdAt} />
      </td>
      <td className={`${tdClass} text-right`}>
        <Link
          href={changePath(change.id)}
          prefetch={false}
          aria-label={`View change ${change.id}`}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          View
        </Link>
      </td>
    </tr>
  );
}
