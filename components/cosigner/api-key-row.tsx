import Link from 'next/link';

import { buttonClass } from '@/components/ui/button-styles';
import { CopyButton } from '@/components/ui/copy-button';
import { RelativeTime } from '@/components/ui/relative-time';
import { rowClass, tdClass } from '@/components/ui/table-styles';
import type { ApiKey } from '@/lib/queries/types';

import { AuthMode } from './auth-mode';

export interface ApiKeyRowProps {
  cosignerId: string;
  apiKey: ApiKey;
  canEdit: boolean;
}

/** One paired API key and its callback handler; the edit action exists only for admins. */
export function ApiKeyRow({ cosignerId, apiKey, canEdit }: ApiKeyRowProps) {
  const handler = apiKey.callbackHandler;
  return (
    <tr className={rowClass}>
      <td className={tdClass}>
        <span className="flex items-center gap-1">
          <code className="font-mono text-xs text-zinc-800 dark:text-zinc-200">{apiKey.id}</code>
          <CopyButton value={apiKey.id} label={`Copy API key ID ${apiKey.id}`} />
        </span>
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        <RelativeTime value={apiKey.lastSeen} />
      </td>
      <td className={`${tdClass} max-w-[18rem]`}>
        {handler?.url ? (
          <span className="block font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">{handler.url}</span>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">Not configured</span>
        )}
      </td>
      <td className={tdClass}>
        <AuthMode handler={handler} />
      </td>
      {canEdit && (
        <td className={`${tdClass} text-right`}>
          <Link
            href={`/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKey.id)}/edit`}
            aria-label={`Edit callback handler for ${apiKey.id}`}
            className={buttonClass({ size: 'sm' })}
          >
            Edit
          </Link>
        </td>
      )}
    </tr>
  );
}
