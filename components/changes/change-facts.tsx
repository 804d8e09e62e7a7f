import type { ReactNode } from 'react';

import { CopyButton } from '@/components/ui/copy-button';
import { reachesFireblocks } from '@/lib/change-model/states';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ChangeResponse } from '@/lib/queries/types';

import { ActorName } from '@/components/ui/change/actor-name';
import { ChangeReason } from './change-reason';

const dtClass = 'text-zinc-600 dark:text-zinc-400';

/** An id, copyable; when there is none, whether one may still come (`sending`) or none came back. */
function CopyableId({ value, label, pending }: { value: string | null; label: string; pending?: boolean }) {
  if (!value) {
    return <span className="text-zinc-600 dark:text-zinc-400">{pending ? 'Not yet known' : 'None came back'}</span>;
  }
  return (
    <span className="flex min-w-0 items-center gap-1 font-mono text-xs">
      <span className="break-all">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className={dtClass}>{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

export interface ChangeFactsProps {
  change: ChangeResponse;
}

/** Who, when and why, and the ids Fireblocks support asks for. */
export function ChangeFacts({ change }: ChangeFactsProps) {
  return (
    <section
      aria-labelledby="change-facts-heading"
      className="rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="change-facts-heading" className="mb-3 text-base font-semibold text-zinc-950 dark:text-white">
        Details
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <Fact label="Proposed by">
          <ActorName actor={change.proposer} />{' '}
          <span className="text-zinc-600 dark:text-zinc-400">({change.proposer.email})</span>
        </Fact>
        <Fact label="Proposed">
          <RelativeTime value={change.createdAt} />
        </Fact>
        <Fact label="Reason">
          <ChangeReason reason={change.reason} />
        </Fact>
        {change.state === 'awaiting_approval' && change.expiresAt && (
          <Fact label="Expires">
            <RelativeTime value={change.expiresAt} />
          </Fact>
        )}
        {change.approver && (
          <Fact label={change.state === 'declined' ? 'Declined by' : 'Approved by'}>
            <ActorName actor={change.approver} />
          </Fact>
        )}
        {change.decidedReason && (
          <Fact label="Outcome">
            <bdi>{change.decidedReason}</bdi>
          </Fact>
        )}
        {change.closedAt && (
          <Fact label="Closed">
            <RelativeTime value={change.closedAt} />
          </Fact>
        )}
        {/* A change that never reached Fireblocks (withdrawn, declined, ...) has no Fireblocks id to show. */}
        {reachesFireblocks(change.state) && (
          <>
            <Fact label="Fireblocks X-Request-ID">
              <CopyableId
                value={change.fireblocks.xRequestId}
                label="Copy Fireblocks X-Request-ID"
                pending={change.state === 'sending'}
              />
            </Fact>
            <Fact label="Fireblocks request ID">
              <CopyableId
                value={change.fireblocks.requestId}
                label="Copy Fireblocks request ID"
                pending={change.state === 'sending'}
              />
            </Fact>
          </>
        )}
        <Fact label="Change ID">
          <CopyableId value={change.id} label="Copy change ID" />
        </Fact>
      </dl>
    </section>
  );
}
