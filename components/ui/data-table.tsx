import type { ReactNode } from 'react';

import { cn } from './cn';
import { tableClass, theadClass, thClass } from './table-styles';

export interface DataTableProps {
  /** Names the table for screen readers. */
  caption: string;
  /** Header labels; those in `srOnlyColumns` (an actions column) are read out but not shown. */
  columns: readonly string[];
  srOnlyColumns?: readonly string[];
  /** e.g. a min-width below which the table scrolls sideways on wide screens. */
  className?: string;
  /** A refetch is in flight. */
  busy?: boolean;
  /** The rows are the previous page's while the next loads (React Query's placeholder data): dimmed. */
  stale?: boolean;
  /** The rows (`<tr>`s). */
  children: ReactNode;
}

/**
 * The lists' table: caption, header row, and rows that stack into labelled cards on small screens (`stack-table`
 * in globals.css: cells carry their column's name in `data-label`).
 */
export function DataTable({ caption, columns, srOnlyColumns = [], className, busy, stale, children }: DataTableProps) {
  return (
    // relative: the rows' sr-only text is absolutely placed, and must be clipped with the table, not widen the page.
    <div className="relative overflow-x-auto">
      <table className={cn('stack-table', tableClass, className, stale && 'opacity-60')} aria-busy={busy}>
        <caption className="sr-only">{caption}</caption>
        <thead className={theadClass}>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={thClass}>
                {srOnlyColumns.includes(c) ? <span className="sr-only">{c}</span> : c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
