import { Card } from './card';
import { Skeleton } from './skeleton';

export interface SectionSkeletonProps {
  /** What is loading, read out once for the whole placeholder: "Loading the change". */
  label: string;
  /** Each panel's height in lines, top to bottom: the page's own sections, so nothing jumps when they arrive. */
  panels: number[];
}

/**
 * Placeholder panels in a page's own order (a loading.tsx under its real heading): a title bar and grey lines per
 * panel. Server-rendered, no JavaScript: it is what a click shows while the server reads.
 */
export function SectionSkeleton({ label, panels }: SectionSkeletonProps) {
  return (
    <div role="status" aria-label={label} className="space-y-6">
      {panels.map((lines, i) => (
        <Card key={i} className="space-y-3 p-5">
          <Skeleton className="h-5 w-48" />
          {Array.from({ length: lines }, (_, l) => (
            <Skeleton key={l} className={l % 3 === 2 ? 'h-4 w-2/3' : 'h-4 w-full'} />
          ))}
        </Card>
      ))}
    </div>
  );
}
