'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';

import { buttonClass } from '@/components/ui/button-styles';
import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { rowClass, tableClass, tdClass, thClass, theadClass } from '@/components/ui/table-styles';
import { ApiError } from '@/lib/queries/api-error';
import { fetchJson } from '@/lib/queries/fetch-json';
import type { RevokeAllSessionsBody, SessionSummary } from '@/lib/auth/session-api-schemas';

export interface SessionsListProps {
  sessions: SessionSummary[];
}

/**
 * The user's live sessions, each named by its browser and system and the address it signed in from, with a "Sign
 * out" for each other one and "Sign out everywhere else" (a browser signed out so must type its password again). The current one is
 * ended with the header's Sign out (which also ends the IdP session). After each change the server list is re-read.
 */
export function SessionsList({ sessions }: SessionsListProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const others = sessions.filter((s) => !s.current);

  async function run(key: string, call: () => Promise<unknown>) {
    setBusy(key);
    setError(null);
    try {
      await call();
      startRefresh(() => router.refresh());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The session could not be ended. Try again.');
    } finally {
      setBusy(null);
    }
  }

  const endOne = (id: string) =>
    run(id, () => fetchJson(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }));
  const endOthers = () =>
    run('others', () =>
      fetchJson('/api/sessions/revoke-all', {
        method: 'POST',
        body: { includeCurrent: false } satisfies RevokeAllSessionsBody,
      }),
    );
  const disabled = busy !== null || refreshing;

  return (
    <div className="space-y-4">
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      )}
      <div className="relative overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className={`stack-table ${tableClass}`}>
          <caption className="sr-only">Your active sessions</caption>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={thClass}>
                Browser
              </th>
              <th scope="col" className={thClass}>
                Address
              </th>
              <th scope="col" className={thClass}>
                Signed in
              </th>
              <th scope="col" className={thClass}>
                Last active
              </th>
              <th scope="col" className={thClass}>
                Ends at the latest
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className={rowClass}>
                <td className={tdClass}>
                  <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-medium">{s.browser ?? 'Unknown browser'}</span>
                    {s.current && <Badge tone="info">This browser</Badge>}
                  </span>
                  <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">session {s.id}</span>
                </td>
                <td data-label="Address" className={tdClass}>
                  {s.ip ? (
                    <span className="font-mono text-xs">{s.ip}</span>
                  ) : (
                    <span className="text-zinc-600 dark:text-zinc-400">Unknown</span>
                  )}
                </td>
                <td data-label="Signed in" className={tdClass}>
                  <RelativeTime value={s.createdAt} />
                </td>
                <td data-label="Last active" className={tdClass}>
                  <RelativeTime value={s.lastSeenAt} />
                </td>
                <td data-label="Ends at the latest" className={tdClass}>
                  <RelativeTime value={s.expiresAt} />
                </td>
                <td className={`${tdClass} text-right`}>
                  {!s.current && (
                    <button
                      type="button"
                      className={buttonClass({ size: 'sm' })}
                      disabled={disabled}
                      onClick={() => void endOne(s.id)}
                      aria-label={`Sign out session ${s.id}, ${s.browser ?? 'unknown browser'}`}
                    >
                      Sign out
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className={buttonClass({ variant: 'danger' })}
        disabled={disabled || others.length === 0}
        onClick={() => void endOthers()}
      >
        Sign out everywhere else
      </button>
      {others.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">You are signed in in this browser only.</p>
      )}
    </div>
  );
}
