'use client';

import { AuthMode } from '@/components/ui/handler/auth-mode';
import { useAuthModeOfKey } from '@/components/ui/handler/use-auth-mode-of-key';
import { RelativeTime } from '@/components/ui/relative-time';
import type { ApiKeyResponse } from '@/lib/queries/types';

import { UrlWithHost } from '@/components/ui/url-with-host';

export interface CurrentHandlerCardProps {
  apiKey: ApiKeyResponse;
}

/** What is live now, above the form, so the admin edits with the current state in view. */
export function CurrentHandlerCard({ apiKey }: CurrentHandlerCardProps) {
  const handler = apiKey.callbackHandler;
  const auth = useAuthModeOfKey(handler);
  return (
    <section
      aria-labelledby="current-heading"
      className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="current-heading" className="mb-3 text-sm font-semibold text-zinc-950 dark:text-white">
        Current handler
      </h2>
      <dl className="grid gap-4 text-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <div className="min-w-0 space-y-1">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Callback URL</dt>
          <dd>{handler?.url ? <UrlWithHost url={handler.url} /> : 'Not configured'}</dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Authentication</dt>
          <dd>
            <AuthMode value={auth} />
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Last seen</dt>
          <dd>
            <RelativeTime value={apiKey.lastSeen} />
          </dd>
        </div>
      </dl>
      {handler?.certPublicKeyHash && (
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          Fireblocks returns only the hash of a pinned certificate’s key, so to keep a certificate you paste it again.
        </p>
      )}
    </section>
  );
}
