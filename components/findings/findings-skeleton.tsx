import { Skeleton } from '@/components/ui/skeleton';

/** While the server walks the workspace (a few seconds on a large one). */
export const findingsSkeleton = (
  <div role="status" aria-label="Loading the findings" className="space-y-4">
    <Skeleton className="h-6 w-64" />
    <Skeleton className="h-48 w-full" />
  </div>
);
