import { cn } from './cn';

export interface SkeletonProps {
  className?: string;
}

/** A grey placeholder bar; decorative, so hidden from assistive technology (the region says "Loading"). */
export function Skeleton({ className }: SkeletonProps) {
  return (
    <span aria-hidden="true" className={cn('block animate-pulse rounded bg-zinc-200 dark:bg-zinc-800', className)} />
  );
}
