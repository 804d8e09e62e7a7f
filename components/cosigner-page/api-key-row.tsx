import Link from 'next/link';

import { RelativeTime } from '@/components/ui/relative-time';
import type { ApiKeySummaryResponse, ChangeResponse } from '@/lib/queries/types';

import styles from './api-keys-table.module.css';
import { AuthMode } from './auth-mode';
import { authModeOfSummary } from './auth-mode-value';
import { CopyIdButton } from './copy-id-button';

export interface ApiKeyRowProps {
  cosignerId: string;
  apiKey: ApiKeySummaryResponse;
  canEdit: boolean;
  /** The key's open change, if any: anyone's, shown so nobody starts a second one. */
  openChange?: ChangeResponse;
  onCopyResult: (message: string) => void;
}

/**
 * One paired API key and its callback handler; its id opens the key page, and the edit action exists only for admins.
 * Kept lean (no classes on cells, no wrapper elements, no inline icons): a page holds up to 100 of these and the
 * first paint waits for them.
 */
export function ApiKeyRow({ cosignerId, apiKey, canEdit, openChange, onCopyResult }: ApiKeyRowProps) {
  const handler = apiKey.callbackHandler;
  const keyPath = `/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKey.id)}`;
  return (
    <tr>
      <td>
        {/* No prefetch on either link: every visible row would fetch its pages on each list view, for one click at most. */}
        <Link href={keyPath} prefetch={false}>
          <code>{apiKey.id}</code>
        </Link>
        <CopyIdButton value={apiKey.id} label={`Copy API key ID ${apiKey.id}`} onResult={onCopyResult} />
        {openChange && (
          <Link href={`/changes/${encodeURIComponent(openChange.id)}`} prefetch={false} className={styles.openChange}>
            Change open · {openChange.proposer.name || openChange.proposer.email}
          </Link>
        )}
      </td>
      <td data-label="Last seen">
        <RelativeTime value={apiKey.lastSeen} />
      </td>
      {handler?.url ? (
        <td data-label="Callback URL">{handler.url}</td>
      ) : (
        <td data-label="Callback URL" className={styles.muted}>
          Not configured
        </td>
      )}
      <td data-label="Authentication">
        <AuthMode value={authModeOfSummary(handler)} />
      </td>
      {canEdit && (
        <td>
          <Link
            href={`${keyPath}/edit`}
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
