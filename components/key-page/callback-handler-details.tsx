'use client';

import { UrlWithHost } from '@/components/ui/url-with-host';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ApiKeyResponse } from '@/lib/queries/types';
import { useApiKey } from '@/lib/queries/use-api-key';

import { Fingerprint } from '@/components/ui/fingerprint';
import { FactRow } from './fact-row';
import { PublicKeyFacts, type InspectedPublicKey } from './public-key-facts';

export interface CallbackHandlerDetailsProps {
  cosignerId: string;
  apiKeyId: string;
  /** What the server read for the first paint, and when (data null: it could not, the browser fetches). */
  initialKey?: ServerRead<ApiKeyResponse>;
  /** The server's inspection of that key's public key, when it has one. */
  initialPublicKey?: InspectedPublicKey;
}

/** The key's callback handler in full: URL, how the Co-Signer authenticates it, and its fingerprints to copy. */
export function CallbackHandlerDetails({
  cosignerId,
  apiKeyId,
  initialKey,
  initialPublicKey,
}: CallbackHandlerDetailsProps) {
  const key = useApiKey(cosignerId, apiKeyId, initialKey);
  return (
    <section
      aria-labelledby="handler-heading"
      className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="handler-heading" className="mb-1 text-base font-semibold text-zinc-950 dark:text-white">
        Callback handler
      </h2>
      {key.isError ? (
        <ErrorState
          title="Could not load this API key"
          error={key.error}
          onRetry={() => void key.refetch()}
          retrying={key.isFetching}
        />
      ) : key.data ? (
        <HandlerFacts apiKey={key.data} initialPublicKey={initialPublicKey} />
      ) : (
        <div role="status" aria-label="Loading the API key" className="space-y-3 py-3">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-5 w-full" />
        </div>
      )}
    </section>
  );
}

function HandlerFacts({ apiKey, initialPublicKey }: { apiKey: ApiKeyResponse; initialPublicKey?: InspectedPublicKey }) {
  const handler = apiKey.callbackHandler;
  return (
    <>
      {!handler && (
        <div className="mt-2 mb-1 rounded-md border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">No callback handler</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">
            Without one, the Co-Signer approves every transaction and configuration change it receives for this API
            user.
          </p>
        </div>
      )}
      <dl>
        {handler && (
          <>
            <FactRow label="URL">
              <span className="inline-flex max-w-full items-start gap-1">
                <UrlWithHost url={handler.url} highlightHost className="min-w-0" />
                <CopyButton value={handler.url} label="Copy callback URL" className="-mt-1.5" />
              </span>
            </FactRow>
            <FactRow label="Authentication">
              {handler.publicKey !== undefined ? (
                <Badge tone="info">Public key</Badge>
              ) : handler.certPublicKeyHash ? (
                <Badge tone="success">Pinned certificate</Badge>
              ) : (
                <Badge tone="warning">None</Badge>
              )}
            </FactRow>
            {handler.publicKey !== undefined ? (
              <PublicKeyFacts pem={handler.publicKey} initial={initialPublicKey} />
            ) : handler.certPublicKeyHash ? (
              <FactRow label="Certificate key hash">
                <Fingerprint value={handler.certPublicKeyHash} copyLabel="Copy certificate public key hash">
                  Fireblocks returns only this hash of the pinned certificate’s public key (
                  <code className="font-mono">certPublicKeyHash</code>), not the certificate, so its subject and dates
                  cannot be shown here. The console reads it as the SHA-256 of the certificate’s DER
                  SubjectPublicKeyInfo:{' '}
                  <code className="font-mono break-all">
                    openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum
                  </code>
                </Fingerprint>
              </FactRow>
            ) : (
              <FactRow label="Key or certificate">No public key or certificate is set for this handler.</FactRow>
            )}
          </>
        )}
        <FactRow label="Last seen">
          <RelativeTime value={apiKey.lastSeen} />
        </FactRow>
      </dl>
    </>
  );
}
