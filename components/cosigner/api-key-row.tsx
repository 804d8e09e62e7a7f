import Link from 'next/link';

import { RelativeTime } from '@/components/ui/relative-time';
import type { ApiKeySummary } from '@/lib/queries/types';

import styles from './api-keys-table.module.css';
import { AuthMode } from './auth-mode';
import { authModeOfSummary } from './auth-mode-value';
import { CopyIdButton } from './copy-id-button';

export interface ApiKeyRowProps {
  cosignerId: string;
  apiKey: ApiKeySummary;
  canEdit: boolean;
}

/**
 * One paired API key and its callback handler; the edit action exists only for admins. Kept lean (cell styles come
 * from the table, icons by reference): a page holds up to 100 of these and the first paint waits for all of them.
 */
export function ApiKeyRow({ cosignerId, apiKey, canEdit }: ApiKeyRowProps) {
  const handler = apiKey.callbackHandler;
  return (
    <tr>
      <td>
        <span className={styles.id}>
          <code>{apiKey.id}</code>
          <CopyIdButton value={apiKey.id} label={`Copy API key ID ${apiKey.id}`} />
        </span>
      </td>
      <td className={styles.seen}>
        <RelativeTime value={apiKey.lastSeen} />
      </td>
      {handler?.url ? <td className={styles.url}>{handler.url}</td> : <td className={styles.muted}>Not configured</td>}
      <td>
        <AuthMode value={authModeOfSummary(handler)} />
      </td>
      {canEdit && (
        <td className={styles.actions}>
          {/* No prefetch: an edit page per visible row would be fetched on every list view, for one click at most. */}
          <Link
            href={`/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKey.id)}/edit`}
            prefetch={false}
            aria-label={`Edit callback handler for ${apiKey.id}`}
            className={styles.edit}
          >
            Edit
          </Link>
        </td>
      )}
    </tr>
  );
}
