'use client';

import { useCallback } from 'react';
import dynamic from 'next/dynamic';
import { usePathname, useSearchParams } from 'next/navigation';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ApiKey, Cosigner } from '@/lib/queries/types';
import { useApiKey } from '@/lib/queries/use-api-key';
import { useCosigner } from '@/lib/queries/use-cosigner';

import { CurrentHandlerCard } from './current-handler-card';
import { canStartForm } from './form-start';
import { isRequestId } from './request-id';
import { RequestTracker } from './request-tracker';
import { saveSubmitted } from './submitted-store';

/**
 * The form (react-hook-form, the shared zod schema, the dialog) loads as its own chunk right after hydration:
 * zod alone is larger than the rest of the page, and the current handler above the form needs none of it.
 */
const CallbackHandlerForm = dynamic(() => import('./callback-handler-form').then((m) => m.CallbackHandlerForm), {
  ssr: false,
  loading: () => (
    <div role="status" aria-label="Loading the form">
      <Skeleton className="h-96 w-full" />
    </div>
  ),
});

export interface EditCallbackHandlerProps {
  cosignerId: string;
  apiKeyId: string;
  allowLoopbackHttp: boolean;
  /** What the server read for the first paint. */
  initialKey?: ServerRead<ApiKey>;
  initialCosigner?: ServerRead<Cosigner>;
}

/** The edit page's body: the form, or, once a change is sent (`?request=` in the URL), its tracker. */
export function EditCallbackHandler({ cosignerId, apiKeyId, allowLoopbackHttp, initialKey, initialCosigner }: EditCallbackHandlerProps) {
  const params = useSearchParams();
  const pathname = usePathname();
  const requestParam = params.get('request');
  const requestId = requestParam && isRequestId(requestParam) ? requestParam : null;
  const key = useApiKey(cosignerId, apiKeyId, initialKey, { editing: !requestId });
  const cosigner = useCosigner(cosignerId, initialCosigner);

  const setRequest = useCallback(
    (id: string | null) => window.history.replaceState(null, '', id ? `${pathname}?request=${encodeURIComponent(id)}` : pathname),
    [pathname],
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs
            items={[
              { label: 'Cosigners', href: '/cosigners' },
              { label: cosigner.data?.name || 'Cosigner', href: `/cosigners/${encodeURIComponent(cosignerId)}` },
              { label: 'API key', href: `/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKeyId)}` },
              { label: 'Callback handler' },
            ]}
          />
        }
        title="Change callback handler"
        description={
          <>
            API key <code className="font-mono text-xs break-all">{apiKeyId}</code>
          </>
        }
      />
      {requestId ? (
        <RequestTracker cosignerId={cosignerId} apiKeyId={apiKeyId} requestId={requestId} onNewChange={() => setRequest(null)} />
      ) : key.isError ? (
        <ErrorState title="Could not load this API key" error={key.error} onRetry={() => void key.refetch()} retrying={key.isFetching} />
      ) : !key.data || !canStartForm({ hasData: true, isFetching: key.isFetching, isFetchedAfterMount: key.isFetchedAfterMount }) ? (
        <div role="status" aria-label="Loading the API key" className="space-y-4">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-96 w-full" />
        </div>
      ) : (
        <>
          <CurrentHandlerCard apiKey={key.data} />
          {/* Keyed by the key id: another key (or a new change after a completed one) starts a fresh form. */}
          <CallbackHandlerForm
            key={apiKeyId}
            cosignerId={cosignerId}
            apiKeyId={apiKeyId}
            current={key.data.callbackHandler}
            allowLoopbackHttp={allowLoopbackHttp}
            onSent={(result, record) => {
              saveSubmitted(result.requestId, record);
              setRequest(result.requestId);
            }}
          />
        </>
      )}
    </>
  );
}
