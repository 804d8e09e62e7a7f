'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { PublicKeyInspection } from '@/lib/callback-handler/inspect';
import { useInspectCallbackHandler } from '@/lib/queries/use-inspect-callback-handler';

import { Fingerprint } from '@/components/ui/fingerprint';
import { FactRow } from './fact-row';

/** A public key PEM and what the server's inspection found it to be (null: not a readable public key). */
export interface InspectedPublicKey {
  pem: string;
  info: PublicKeyInspection | null;
}

export interface PublicKeyFactsProps {
  /** The live key's PEM. */
  pem: string;
  /** The server's inspection at first paint; used while the live PEM is still the one it inspected. */
  initial?: InspectedPublicKey;
}

/**
 * The public key's algorithm, size and full SPKI SHA-256, from the server-side inspection (lib/callback-handler/inspect.ts).
 * The page hands over its own inspection; only a key that changed since (a refetch) is inspected again, through
 * the inspect route.
 */
export function PublicKeyFacts({ pem, initial }: PublicKeyFactsProps) {
  const known = initial?.pem === pem ? initial : undefined;
  const inspect = useInspectCallbackHandler(known ? null : { publicKey: pem });
  const fresh = inspect.data && !inspect.isPlaceholderData ? inspect.data : undefined;
  const info = known ? known.info : fresh ? (fresh.publicKey ?? null) : undefined;

  if (info === undefined) {
    return (
      <FactRow label="Key">
        {inspect.isError ? (
          <ErrorState
            title="Could not inspect the public key"
            error={inspect.error}
            onRetry={() => void inspect.refetch()}
            retrying={inspect.isFetching}
          />
        ) : (
          <span role="status" aria-label="Inspecting the public key" className="block space-y-2">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-5 w-full" />
          </span>
        )}
      </FactRow>
    );
  }
  return (
    <>
      <FactRow label="Key">
        {info ? `${info.algorithm}${info.sizeBits ? `, ${info.sizeBits} bits` : ''}` : 'Not a readable public key'}
      </FactRow>
      {info && (
        <FactRow label="SHA-256 fingerprint">
          <Fingerprint value={info.fingerprintSha256} copyLabel="Copy SHA-256 fingerprint">
            Of the key’s DER SubjectPublicKeyInfo. To compare with a key file:{' '}
            <code className="font-mono break-all">openssl pkey -pubin -in key.pem -outform DER | sha256sum</code>
          </Fingerprint>
        </FactRow>
      )}
      <FactRow label="PEM">
        <details>
          <summary className="cursor-pointer text-sm text-zinc-700 dark:text-zinc-300">Show the public key</summary>
          <div className="mt-2 flex items-start gap-1">
            <pre className="min-w-0 flex-1 rounded whitespace-pre-wrap break-all bg-zinc-50 p-2 font-mono text-xs text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
              {pem.trim()}
            </pre>
            <CopyButton value={pem.trim()} label="Copy public key (PEM)" />
          </div>
        </details>
      </FactRow>
    </>
  );
}
