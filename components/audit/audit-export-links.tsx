import { Download } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';
import { isFiltered, type AuditFilter } from '@/lib/audit/audit-api-schemas';
import { apiPaths } from '@/lib/queries/api-paths';

/**
 * Downloads of the filtered set as plain links: the server streams them with Content-Disposition: attachment, so
 * the browser saves the file as it arrives, with no copy in page memory.
 */
export function AuditExportLinks({ filter }: { filter: AuditFilter }) {
  const filtered = isFiltered(filter);
  return (
    <div className="flex flex-col gap-2 border-b border-zinc-200 px-3 py-2.5 text-sm sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
      <p className="text-zinc-600 dark:text-zinc-400">
        {filtered
          ? 'Exports hold only the events that match the filters: a subset, which does not verify as a chain.'
          : 'The JSONL export is the whole chain as hashed: npm run audit:verify -- --file <export> checks it.'}
      </p>
      <div className="flex shrink-0 items-center gap-2">
        <a href={apiPaths.auditExport(filter, 'jsonl')} download className={buttonClass({ size: 'sm' })}>
          <Download aria-hidden className="h-4 w-4" />
          Export JSONL
        </a>
        <a href={apiPaths.auditExport(filter, 'csv')} download className={buttonClass({ size: 'sm' })}>
          <Download aria-hidden className="h-4 w-4" />
          Export CSV
        </a>
      </div>
    </div>
  );
}
