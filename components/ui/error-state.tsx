'use client';

import { ApiError } from '@/lib/queries/api-error';

import { buttonClass } from './button-styles';
import { CopyButton } from './copy-button';
import { WarningIcon } from './inline-icons';
import { ThrottledRetry } from './throttled-retry';

export interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** An id to quote to support, shown and copyable the same way whichever side it is from. */
function CopyableId({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-red-800 dark:text-red-200">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1 font-mono">
        <span className="truncate">{value}</span>
        <CopyButton value={value} label={`Copy ${label}`} className="-my-1.5 text-red-800 dark:text-red-200" />
      </dd>
    </>
  );
}

/** A failed load: what went wrong in plain words, the ids to quote to support, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying }: ErrorStateProps) {
  const api = error instanceof ApiError ? error : undefined;
  const message = api?.message ?? 'Something went wrong while loading this.';
  // Throttled upstream: the page waits out Retry-After with every other caller, then retries by itself.
  const throttled = api?.code === 'upstream_throttled' && onRetry ? api : undefined;
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
    >
      <div className="flex items-start gap-3">
        <WarningIcon className="mt-0.5 h-5 w-5 shrink-0 text-red-600 dark:text-red-400" />
        <div className="min-w-0 flex-1 space-y-2">
          <p className="font-semibold">{title}</p>
          {throttled && onRetry ? (
            <ThrottledRetry key={throttled.requestId} seconds={throttled.retryAfter ?? 5} onRetry={onRetry} />
          ) : (
            <p>{message}</p>
          )}
          {api && (
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {api.status > 0 && (
                <>
                  {/* Whose status this is: the message may quote Fireblocks' own (e.g. 503 behind a 502). */}
                  <dt className="text-red-800 dark:text-red-200">Console answered</dt>
                  <dd>HTTP {api.status}</dd>
                </>
              )}
              {api.fireblocksRequestId && <CopyableId label="Fireblocks request ID" value={api.fireblocksRequestId} />}
              {api.requestId && <CopyableId label="Console request ID" value={api.requestId} />}
            </dl>
          )}
          {onRetry && (
            <button
              type="button"
              onClick={onRetry}
              disabled={retrying}
              className={buttonClass({ size: 'sm', className: 'mt-1' })}
            >
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
