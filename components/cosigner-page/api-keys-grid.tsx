import { cn } from '@/components/ui/cn';
import { theadClass, thClass } from '@/components/ui/table-styles';
import type { Finding } from '@/lib/findings/findings-api-schemas';
import type { ApiKeySummaryResponse, ChangeResponse } from '@/lib/queries/types';

import { ApiKeyRow } from './api-key-row';
import styles from './api-keys-table.module.css';

/** Column headings of the API keys table (the action column only for admins), shared with the skeleton. */
const API_KEY_COLUMNS = ['API key ID', 'Last seen', 'Callback URL', 'Authentication'];
export const apiKeyColumns = (canEdit: boolean) => (canEdit ? [...API_KEY_COLUMNS, 'Actions'] : API_KEY_COLUMNS);

export interface ApiKeysGridProps {
  cosignerId: string;
  rows: ApiKeySummaryResponse[];
  canEdit: boolean;
  /** The cosigner's open changes by key id. */
  openByKey?: ReadonlyMap<string, ChangeResponse>;
  /** Findings by key id. */
  findingsByKey?: ReadonlyMap<string, Finding[]>;
  /** The key a completed change just updated. */
  highlighted?: string | null;
  /** A previous page shown while the next one loads (dimmed). */
  stale?: boolean;
  busy?: boolean;
}

/**
 * The keys table as markup: headings and one ApiKeyRow per key. The cosigners page's table (api-keys-table.tsx)
 * wraps it with its paging, filter, live data and the live region its copy buttons report to (CopyReportContext);
 * the render bench's floor page (app/bench/key-rows), a server component, renders the same markup alone. No hooks
 * and no function props, so that it can.
 */
export function ApiKeysGrid({
  cosignerId,
  rows,
  canEdit,
  openByKey,
  findingsByKey,
  highlighted,
  stale = false,
  busy = false,
}: ApiKeysGridProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className={cn('stack-table', styles.table, stale && styles.stale)} aria-busy={busy}>
        <caption className="sr-only">API keys</caption>
        <thead className={theadClass}>
          <tr>
            {apiKeyColumns(canEdit).map((c) => (
              <th key={c} scope="col" className={cn(thClass, c === 'Actions' && 'text-right')}>
                {c === 'Actions' ? <span className="sr-only">Actions</span> : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <ApiKeyRow
              key={k.id}
              cosignerId={cosignerId}
              apiKey={k}
              canEdit={canEdit}
              openChange={openByKey?.get(k.id)}
              findings={findingsByKey?.get(k.id)}
              highlighted={k.id === highlighted}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
