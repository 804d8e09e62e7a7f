import Link from 'next/link';

import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button-styles';
import type { Finding } from '@/lib/findings/findings-api-schemas';

import { OpenChangeLink } from '@/components/ui/change/open-change-link';
import { SEVERITY_LABEL, SEVERITY_TONE } from '@/components/ui/handler/finding-copy';
import { cosignerPath, keyPagePath } from '@/lib/page-paths';

export interface FindingItemProps {
  finding: Finding;
  /** Admins get the one-click fix; viewers cannot change a handler. */
  canEdit: boolean;
}

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

/** One finding: the key it is about (linked), what is wrong, what to do, and the one-click fix where there is one. */
export function FindingItem({ finding: f, canEdit }: FindingItemProps) {
  const keyPath = keyPagePath(f.cosignerId, f.apiKeyId);
  return (
    <li className="space-y-1.5 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Badge tone={SEVERITY_TONE[f.severity]}>{SEVERITY_LABEL[f.severity]}</Badge>
        <Link href={keyPath} className={`${linkClass} font-mono text-xs break-all`}>
          {f.apiKeyId}
        </Link>
        <span className="text-zinc-600 dark:text-zinc-400">
          in{' '}
          <Link href={cosignerPath(f.cosignerId)} className={linkClass}>
            {f.cosignerName || f.cosignerId}
          </Link>
        </span>
      </div>
      {f.url && <p className="font-mono text-xs text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">{f.url}</p>}
      <p className="text-zinc-800 dark:text-zinc-200">{f.summary}</p>
      <p className="text-zinc-600 dark:text-zinc-400">{f.action}</p>
      {f.sharedWith && f.sharedWith.length > 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">
          Also used by:{' '}
          {f.sharedWith.map((o, i) => (
            <span key={`${o.cosignerId}/${o.apiKeyId}`}>
              {i > 0 && ', '}
              <Link href={keyPagePath(o.cosignerId, o.apiKeyId)} className={linkClass}>
                {o.cosignerName || o.cosignerId} · {o.apiKeyId.slice(0, 8)}
              </Link>
            </span>
          ))}
        </p>
      )}
      {f.openChange ? (
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-zinc-700 dark:text-zinc-300">
          A change to this key is open: follow it before changing the key again.
          <OpenChangeLink change={f.openChange} />
        </p>
      ) : (
        canEdit &&
        f.fixPath && (
          <Link
            href={f.fixPath}
            aria-label={`Fix URL of API key ${f.apiKeyId}`}
            className={buttonClass({ variant: 'primary', size: 'sm' })}
          >
            Fix URL
          </Link>
        )
      )}
    </li>
  );
}
