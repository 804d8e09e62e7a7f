'use client';

import { CircleCheck, TriangleAlert } from 'lucide-react';

import { AuthMode } from '@/components/ui/handler/auth-mode';
import { UrlWithHost } from '@/components/ui/url-with-host';
import { useAuthModeOfKey } from '@/components/ui/handler/use-auth-mode-of-key';
import { compareLiveToSubmitted } from '@/components/ui/handler/handler-match';
import type { ApiKeyResponse, HandlerSnapshot } from '@/lib/queries/types';

export interface LiveVerdictProps {
  live: ApiKeyResponse;
  /** What the change sent. */
  after: HandlerSnapshot;
}

/** After COMPLETED: whether what Fireblocks now reports is exactly what the change sent, and what is live. */
export function LiveVerdict({ live, after }: LiveVerdictProps) {
  const handler = live.callbackHandler;
  const auth = useAuthModeOfKey(handler);
  const match = compareLiveToSubmitted(handler, {
    url: after.url,
    mode: after.mode,
    publicKey: after.publicKey,
    certPublicKeySha256: after.certPublicKeyHash,
  });
  return (
    <div className="space-y-3">
      {match.matches ? (
        <p className="flex items-start gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100">
          <CircleCheck aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          <span>The live handler matches what the change sent.</span>
        </p>
      ) : (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
          <p className="flex items-start gap-2 font-medium">
            <TriangleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            The live handler does not match what the change sent.
          </p>
          <ul className="mt-1 list-disc pl-8">
            {match.differences.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">Live URL</dt>
        <dd>{handler?.url ? <UrlWithHost url={handler.url} /> : 'None'}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Authentication</dt>
        <dd>
          <AuthMode value={auth} />
        </dd>
      </dl>
    </div>
  );
}
