'use client';

import { useEffect, useRef, useState } from 'react';
import { usePathname } from 'next/navigation';

import { buttonClass } from '@/components/ui/button-styles';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { ApiError } from '@/lib/queries/api-error';
import { useKeepSessionAlive, useSessionDeadline } from '@/lib/queries/use-session-deadline';
import { signInPath } from '@/lib/page-paths';

/** The warning shows this long before the session ends. */
const WARN_BEFORE_SECONDS = 120;

export interface SessionExpiryWarningProps {
  /** A form holds unsaved input: only then is the session's end worth an interruption. */
  active: boolean;
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * "You will be signed out in 1:59": shown while `active`, two minutes before the session ends for lack of activity,
 * with "Stay signed in" (a request that counts as activity). Escape stays signed in too: pressing it is activity.
 * When the end is the absolute 8-hour limit, nothing can extend it and the dialog says so.
 */
export function SessionExpiryWarning({ active }: SessionExpiryWarningProps) {
  const deadline = useSessionDeadline(active);
  const keepAlive = useKeepSessionAlive();
  const pathname = usePathname();
  const stayButton = useRef<HTMLButtonElement>(null);
  const [now, setNow] = useState(() => Date.now());
  // The ended or absolute-limit notice was closed: not shown again for this deadline.
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);

  const data = deadline.data;
  if (!active || !data) return null;
  const signedOut = deadline.error instanceof ApiError && deadline.error.status === 401;
  const left = signedOut ? 0 : Math.max(0, data.secondsLeft - Math.floor((now - deadline.dataUpdatedAt) / 1000));
  const canExtend = Date.parse(data.idleExpiresAt) <= Date.parse(data.expiresAt);
  if (left > WARN_BEFORE_SECONDS || dismissedFor === data.expiresAt + data.idleExpiresAt) return null;

  const dismiss = () => setDismissedFor(data.expiresAt + data.idleExpiresAt);
  const stay = () => {
    if (!keepAlive.isPending) keepAlive.mutate();
  };

  // Signing in again happens in a new tab: this page, and what it holds, stays; once signed in there it works again.
  if (left === 0) {
    return (
      <ModalDialog
        role="alertdialog"
        size="sm"
        title="You have been signed out"
        description="Your session ended. What you entered on this page has not been sent; sign in again in a new tab and this page can still send it."
        onClose={dismiss}
        actions={
          <>
            <button type="button" onClick={dismiss} className={buttonClass()}>
              Close
            </button>
            <a
              href={signInPath(pathname)}
              target="_blank"
              rel="noopener"
              className={buttonClass({ variant: 'primary' })}
            >
              Sign in again in a new tab
            </a>
          </>
        }
      />
    );
  }

  return (
    <ModalDialog
      role="alertdialog"
      size="sm"
      title={`You will be signed out in ${clock(left)}`}
      description={
        canExtend
          ? 'You have not used the console for a while, and this page holds a change you have not sent.'
          : 'Your session reaches its 8-hour limit and cannot be extended. Send your change now, or copy what you entered and sign in again.'
      }
      busy={keepAlive.isPending}
      onClose={canExtend ? stay : dismiss}
      initialFocus={canExtend ? stayButton : undefined}
      actions={
        canExtend ? (
          <button
            ref={stayButton}
            type="button"
            onClick={stay}
            disabled={keepAlive.isPending}
            className={buttonClass({ variant: 'primary' })}
          >
            Stay signed in
          </button>
        ) : (
          <button type="button" onClick={dismiss} className={buttonClass()}>
            Close
          </button>
        )
      }
    >
      {keepAlive.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {keepAlive.error.message}
        </p>
      )}
    </ModalDialog>
  );
}
