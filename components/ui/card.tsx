import type { ReactNode } from 'react';

import { cn } from './cn';

export interface CardProps {
  children: ReactNode;
  className?: string;
}

/** The bordered surface every panel sits on. */
export function Card({ children, className }: CardProps) {
  return (
    <div
      className={cn(
        'rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
    >
      {children}
    </div>
  );
}
