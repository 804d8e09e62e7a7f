import type { ReactNode } from 'react';

export interface FactRowProps {
  label: string;
  children: ReactNode;
}

/** One label and value of the key page's lists: stacked on a phone, side by side from `sm` up. */
export function FactRow({ label, children }: FactRowProps) {
  return (
    <div className="grid gap-1 border-t border-zinc-100 py-3 first:border-t-0 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}
