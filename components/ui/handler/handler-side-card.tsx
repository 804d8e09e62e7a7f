import type { ReactNode } from 'react';

import { Fingerprint } from '@/components/ui/fingerprint';

import { UrlWithHost } from '@/components/ui/url-with-host';
import type { HandlerSide } from './handler-diff';

const MODE_NAMES = { publicKey: 'Public key', cert: 'Pinned certificate', none: 'None' } as const;

export interface HandlerSideCardProps {
  title: string;
  side: HandlerSide | null;
  highlightHost: boolean;
  highlightMode: boolean;
  /** Extra rows, e.g. the certificate's own fingerprint. */
  extra?: ReactNode;
}

/** One column of the before/after comparison. */
export function HandlerSideCard({ title, side, highlightHost, highlightMode, extra }: HandlerSideCardProps) {
  return (
    <section aria-label={title} className="min-w-0 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{title}</h3>
      {!side ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No callback handler</p>
      ) : (
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">URL</dt>
            <dd>
              <UrlWithHost url={side.url} highlightHost={highlightHost} />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-zinc-600 dark:text-zinc-400">Authentication</dt>
            <dd className={highlightMode ? 'font-semibold text-amber-800 dark:text-amber-300' : undefined}>
              {MODE_NAMES[side.mode]}
            </dd>
          </div>
          {side.keyHash && (
            <div>
              <dt className="text-xs text-zinc-600 dark:text-zinc-400">
                {side.mode === 'cert' ? 'Certificate key hash (SHA-256)' : 'Key fingerprint (SHA-256)'}
              </dt>
              <dd>
                <Fingerprint value={side.keyHash} copyLabel={`Copy the ${title.toLowerCase()} key hash`} />
              </dd>
            </div>
          )}
          {extra}
        </dl>
      )}
    </section>
  );
}
