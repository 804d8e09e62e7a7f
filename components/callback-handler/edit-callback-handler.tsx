'use client';

import { useState } from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';

import { changePath, cosignerPath, keyPagePath } from '@/lib/page-paths';
import { openChangeQuery } from '@/lib/queries/change-queries';
import { OpenChangeBanner } from '@/components/ui/change/open-change-banner';
import { EditGateNote } from '@/components/ui/handler/edit-gate-note';

import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { editGateOf } from '@/lib/cosigners/edit-gate';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ApiKeyResponse, CosignerResponse, ListChangesResponse } from '@/lib/queries/types';
import { useApiKey } from '@/lib/queries/use-api-key';
import { useChanges } from '@/lib/queries/use-changes';
import { useCosigner } from '@/lib/queries/use-cosigner';

import { CurrentHandlerCard } from './current-handler-card';
import { canStartForm } from './form-start';
import type { ResubmitPrefill } from './resubmit-prefill';

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
  /** `?url=`: the URL field starts with this (the findings' one-click fix). */
  prefillUrl?: string;
  /** What the server read for the first paint. */
  initialKey?: ServerRead<ApiKeyResponse>;
  initialCosigner?: ServerRead<CosignerResponse>;
  /** The key's open change as the server read it (none: the form). */
  initialOpenChange?: ServerRead<ListChangesResponse>;
  /** Values of a closed change opened as a new one (`?from=`). */
  prefill?: ResubmitPrefill;
  /** The certificate the key has pinned, when the console sent it (Fireblocks returns only its key hash). */
  pinnedCert?: { pem: string; changeId: string };
  /** Changes wait for a second admin (CHANGE_APPROVALS=1). */
  approvals?: boolean;
}

/**
 * The edit page's body: the form, or, while a change to the key is open (anyone's), that change's banner instead.
 * A submitted change is followed on its own page.
 */
export function EditCallbackHandler({
  cosignerId,
  apiKeyId,
  allowLoopbackHttp,
  prefillUrl,
  initialKey,
  initialCosigner,
  initialOpenChange,
  prefill,
  pinnedCert,
  approvals,
}: EditCallbackHandlerProps) {
  const router = useRouter();
  const key = useApiKey(cosignerId, apiKeyId, initialKey, { editing: true });
  const cosigner = useCosigner(cosignerId, initialCosigner);
  const open = useChanges(openChangeQuery(cosignerId, apiKeyId), initialOpenChange);
  const openChange = open.data?.data[0];
  // The change this page just recorded: its page is loading, and this one must not flip to the banner meanwhile.
  const [recordedId, setRecordedId] = useState<string | null>(null);
  // A cosigner that cannot take the change (archived, too old) gets the reason instead of a form it would refuse.
  const gate = cosigner.data ? editGateOf(cosigner.data) : null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs
            items={[
              { label: 'Cosigners', href: '/cosigners' },
              { label: cosigner.data?.name || 'Cosigner', href: cosignerPath(cosignerId) },
              {
                label: 'API key',
                href: keyPagePath(cosignerId, apiKeyId),
              },
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
      {recordedId ? (
        <p
          role="status"
          className="rounded-lg border border-zinc-200 bg-white p-5 text-sm shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          Change recorded. Opening{' '}
          <Link href={changePath(recordedId)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
            its page
          </Link>
          …
        </p>
      ) : gate && !gate.editable ? (
        <EditGateNote gate={gate} />
      ) : openChange ? (
        <OpenChangeBanner cosignerId={cosignerId} apiKeyId={apiKeyId} blocksEditing initial={initialOpenChange} />
      ) : key.isError || open.isError ? (
        <ErrorState
          title={key.isError ? 'Could not load this API key' : 'Could not check for an open change'}
          error={key.error ?? open.error}
          onRetry={() => void (key.isError ? key.refetch() : open.refetch())}
          retrying={key.isFetching || open.isFetching}
        />
      ) : !key.data ||
        open.isPending ||
        !canStartForm({ hasData: true, isFetching: key.isFetching, isFetchedAfterMount: key.isFetchedAfterMount }) ? (
        <div role="status" aria-label="Loading the API key" className="space-y-4">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-96 w-full" />
        </div>
      ) : (
        <>
          <CurrentHandlerCard apiKey={key.data} />
          {prefill && (
            <p
              role="note"
              aria-label="Filled in from an earlier change"
              className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100"
            >
              Filled in from{' '}
              <Link href={changePath(prefill.fromChangeId)} className="font-medium underline">
                a {prefill.fromState} change
              </Link>
              {prefill.outcome ? <>: “{prefill.outcome}”</> : null}. Correct what needs correcting, then review and
              submit it as a new change.
            </p>
          )}
          {pinnedCert && !prefill && (
            <p
              role="note"
              aria-label="Certificate kept"
              className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100"
            >
              The pinned certificate is filled in as the console sent it in{' '}
              <Link href={changePath(pinnedCert.changeId)} className="font-medium underline">
                an earlier change
              </Link>
              : Fireblocks returns only its key hash. Change the URL and keep it, or paste another.
            </p>
          )}
          {/* Keyed by the key id: another key starts a fresh form. */}
          <CallbackHandlerForm
            key={apiKeyId}
            cosignerId={cosignerId}
            apiKeyId={apiKeyId}
            current={key.data.callbackHandler}
            allowLoopbackHttp={allowLoopbackHttp}
            prefillUrl={prefillUrl}
            pinnedCert={pinnedCert?.pem}
            resubmit={prefill}
            approvals={approvals}
            onRecorded={(changeId) => {
              setRecordedId(changeId);
              router.push(changePath(changeId));
            }}
          />
        </>
      )}
    </>
  );
}
