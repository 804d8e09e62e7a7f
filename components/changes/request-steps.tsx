import { Check, Circle, Loader2, X } from 'lucide-react';

import { cn } from '@/components/ui/cn';
import type { FireblocksRequestStatus } from '@/lib/queries/types';

import { REQUEST_STATUS_COPY, REQUEST_STEPS } from '@/components/ui/change/request-status-copy';

export interface RequestStepsProps {
  status: FireblocksRequestStatus | undefined;
}

/** Sent → waiting for approval → approved → completed, with the current step marked (or where it stopped). */
export function RequestSteps({ status }: RequestStepsProps) {
  const failed = status === 'REJECTED' || status === 'CANCELLED';
  const reached = status && !failed ? REQUEST_STEPS.indexOf(status) : 0;
  const items = [
    { key: 'SENT', label: 'Sent to Fireblocks' },
    ...REQUEST_STEPS.map((s) => ({ key: s, label: REQUEST_STATUS_COPY[s].title })),
  ];
  return (
    <ol className="grid gap-2 sm:grid-cols-4">
      {items.map((item, i) => {
        const index = i - 1;
        const done = i === 0 || (!failed && status !== undefined && (index < reached || status === 'COMPLETED'));
        const currentStep = !failed && status !== undefined && index === reached && status !== 'COMPLETED';
        const stoppedHere = failed && index === 0;
        return (
          <li
            key={item.key}
            aria-current={currentStep ? 'step' : undefined}
            className={cn(
              'flex items-center gap-2 rounded-md border px-3 py-2 text-sm',
              done &&
                'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100',
              currentStep &&
                'border-indigo-300 bg-indigo-50 text-indigo-900 dark:border-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-100',
              stoppedHere &&
                'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100',
              !done &&
                !currentStep &&
                !stoppedHere &&
                'border-zinc-200 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400',
            )}
          >
            {done ? (
              <Check aria-hidden className="h-4 w-4 shrink-0" />
            ) : currentStep ? (
              <Loader2 aria-hidden className="h-4 w-4 shrink-0 animate-spin" />
            ) : stoppedHere ? (
              <X aria-hidden className="h-4 w-4 shrink-0" />
            ) : (
              <Circle aria-hidden className="h-4 w-4 shrink-0" />
            )}
            <span>{stoppedHere && status ? REQUEST_STATUS_COPY[status].title : item.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
