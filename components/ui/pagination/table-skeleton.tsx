import { Skeleton } from '@/components/ui/skeleton';

export interface TableSkeletonProps {
  /** Accessible name of the table being loaded. */
  label: string;
  columns: string[];
  rows?: number;
}

/** Placeholder rows in the real table's layout, so nothing jumps when data arrives. Server-renderable. */
export function TableSkeleton({ label, columns, rows = 8 }: TableSkeletonProps) {
  return (
    <div role="status" aria-label={`Loading ${label}`} className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-900/60 dark:text-zinc-400">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2.5 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r} className="border-t border-zinc-100 dark:border-zinc-800">
              {columns.map((c, i) => (
                <td key={c} className="px-3 py-3.5">
                  <Skeleton className={i === 0 ? 'h-4 w-40' : 'h-4 w-24'} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
