import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';

/** The edit page while the key and cosigner load (its own Suspense fallback: see the page for why not loading.tsx). */
export function EditCallbackHandlerSkeleton() {
  return (
    <>
      <PageHeader title="Change callback handler" eyebrow={<Skeleton className="h-4 w-64" />} />
      <div role="status" aria-label="Loading the API key" className="space-y-4">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-96 w-full" />
      </div>
    </>
  );
}
