import Link from 'next/link';

import { FINDING_COPY } from '@/components/ui/handler/finding-copy';
import { UrlWithHost } from '@/components/ui/url-with-host';
import { RelativeTime } from '@/components/ui/relative-time';
import type { Finding } from '@/lib/findings/findings-api-schemas';
import type { ApiKeySummaryResponse, ChangeResponse } from '@/lib/queries/types';

import { AuthMode } from '@/components/ui/handler/auth-mode';
import { authModeOfSummary } from '@/components/ui/handler/auth-mode-value';
import { changePath, cosignerFindingsPath, keyPagePath } from '@/lib/page-paths';
import { CopyIdButton } from '@/components/ui/copy-id-button';
import styles from './api-keys-table.module.css';

export interface ApiKeyRowProps {
  cosignerId: string;
  apiKey: ApiKeySummaryResponse;
  canEdit: boolean;
  /** The key's open change, if any: anyone's, shown so nobody starts a second one. */
  openChange?: ChangeResponse;
  /** What the findings page says about this key (most urgent first), once the findings have loaded. */
  findings?: Finding[];
  /** The key a completed change just updated (the list was opened from its change's "Back"). */
  highlighted?: boolean;
}

/**
 * One paired API key and its callback handler; its id opens the key page, and the edit action exists only for admins.
 * Kept lean (no classes on cells, no wrapper elements, no inline icons): a page holds up to 100 of these and the
 * first paint waits for them.
 */
export function ApiKeyRow({ cosignerId, apiKey, canEdit, openChange, findings, highlighted }: ApiKeyRowProps) {
  const handler = apiKey.callbackHandler;
  const keyPath = keyPagePath(cosignerId, apiKey.id);
  return (
    <tr
      data-highlighted={highlighted || undefined}
      ref={highlighted ? (row) => row?.scrollIntoView({ block: 'center' }) : undefined}
    >
      <td>
        {/* No prefetch on either link: every visible row would fetch its pages on each list view, for one click at most. */}
        <Link href={keyPath} prefetch={false}>
          <code>{apiKey.id}</code>
        </Link>
        <CopyIdButton value={apiKey.id} label={`Copy API key ID ${apiKey.id}`} />
        {openChange && (
          <Link href={changePath(openChange.id)} prefetch={false} className={styles.openChange}>
            Change open · {openChange.proposer.name || openChange.proposer.email}
          </Link>
        )}
        {findings?.[0] && (
          <Link
            href={`${cosignerFindingsPath(cosignerId)}#findings-${findings[0].kind}`}
            prefetch={false}
            title={findings.map((f) => f.summary).join('\n')}
            className={styles.findings}
          >
            {FINDING_COPY[findings[0].kind].badge}
            {findings.length > 1 && ` +${findings.length - 1}`}
          </Link>
        )}
      </td>
      <td data-label="Last seen">
        <RelativeTime value={apiKey.lastSeen} />
      </td>
      {handler?.url ? (
        <td data-label="Callback URL">
          <UrlWithHost url={handler.url} />
        </td>
      ) : (
        <td data-label="Callback URL" className={styles.muted}>
          Not configured
        </td>
      )}
      <td data-label="Authentication">
        <AuthMode value={authModeOfSummary(handler)} inTable />
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
