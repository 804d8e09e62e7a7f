'use client';

import { useState } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import type { Finding, FindingKind } from '@/lib/findings/findings-api-schemas';

import { FINDING_COPY } from '@/components/ui/handler/finding-copy';
import { FindingItem } from './finding-item';

export interface FindingGroupProps {
  kind: FindingKind;
  findings: Finding[];
  canEdit: boolean;
}

/** A group shows this many at first: a workspace of hundreds of keys can have dozens of one kind. */
const SHOWN_AT_FIRST = 20;

/** The findings of one kind under their heading. */
export function FindingGroup({ kind, findings, canEdit }: FindingGroupProps) {
  const [all, setAll] = useState(false);
  const shown = all ? findings : findings.slice(0, SHOWN_AT_FIRST);
  const headingId = `findings-${kind}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={headingId} className="px-4 pt-4 text-base font-semibold text-zinc-950 dark:text-white">
        {FINDING_COPY[kind].heading}{' '}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">({findings.length})</span>
      </h2>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {shown.map((f) => (
          <FindingItem key={`${f.cosignerId}/${f.apiKeyId}`} finding={f} canEdit={canEdit} />
        ))}
      </ul>
      {shown.length < findings.length && (
        <div className="border-t border-zinc-100 px-4 py-3 dark:border-zinc-800">
          <button type="button" onClick={() => setAll(true)} className={buttonClass({ size: 'sm' })}>
            Show all {findings.length}
          </button>
        </div>
      )}
    </section>
  );
}
