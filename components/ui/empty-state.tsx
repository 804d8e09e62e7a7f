import type { ReactNode } from 'react';

export interface EmptyStateProps {
  /** Optional: list pages skip it (an icon in a client table is JavaScript). */
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
}

/** Shown in place of a table with no rows, saying why it is empty and what to do about it. */
export function EmptyState({ icon, title, children }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-2 px-6 py-12 text-center">
      {icon && (
        <span className="flex h-10 w-10 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          {icon}
        </span>
      )}
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      {children && <div className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">{children}</div>}
    </div>
  );
}
