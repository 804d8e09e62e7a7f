'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

import { buttonClass } from '@/components/ui/button-styles';
import { ModalDialog } from '@/components/ui/modal-dialog';

/** Marks the history entry pushed to catch Back (see below). */
const GUARD_STATE = '__consoleUnsavedGuard';

type Leaving = { kind: 'link'; link: HTMLAnchorElement } | { kind: 'back' };

/**
 * Asks before unsaved input is lost, in the app's own dialog ("Discard your unsaved change?" Stay / Discard). Returns
 * that dialog, to render beside the form (not inside it: the dialog is a form of its own).
 *
 * - In-app links: the App Router has no navigation-blocking API, so same-origin link clicks are caught in the capture
 *   phase, before Next sees them; Discard clicks the link again, unguarded, so it navigates as it would have.
 * - Back: once the form is dirty an extra entry for this same page is pushed; Back pops it (the page stays, Next
 *   re-renders the same route) and the dialog asks. Stay pushes the entry again; Discard goes back for real.
 * - Closing or reloading the tab: browsers show only their own prompt on `beforeunload` (a page may not put its own
 *   dialog in the way of leaving), so that one is kept.
 */
export function useUnsavedChangesGuard(dirty: boolean): ReactNode {
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const dirtyRef = useRef(dirty);
  const stayButton = useRef<HTMLButtonElement>(null);
  // True while the extra history entry is the current one.
  const guardEntry = useRef(false);

  useEffect(() => {
    dirtyRef.current = dirty;
    if (dirty && !guardEntry.current) {
      window.history.pushState({ ...(window.history.state as object | null), [GUARD_STATE]: true }, '');
      guardEntry.current = true;
    }
  }, [dirty]);

  useEffect(() => {
    const onPopState = (e: PopStateEvent) => {
      const onGuardEntry = Boolean((e.state as Record<string, unknown> | null)?.[GUARD_STATE]);
      if (onGuardEntry || !guardEntry.current) return;
      guardEntry.current = false;
      // Back left the extra entry: ask, or (nothing unsaved any more) carry on to where Back was going.
      if (dirtyRef.current) setLeaving({ kind: 'back' });
      else window.history.back();
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      // Discard in the app's dialog already answered (going Back to another document unloads this one).
      if (!dirtyRef.current) return;
      e.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!dirtyRef.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
        return;
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      e.preventDefault();
      e.stopPropagation();
      setLeaving({ kind: 'link', link });
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);

  if (!leaving) return null;

  const stay = () => {
    if (leaving.kind === 'back') {
      window.history.pushState({ ...(window.history.state as object | null), [GUARD_STATE]: true }, '');
      guardEntry.current = true;
    }
    setLeaving(null);
  };
  const discard = () => {
    dirtyRef.current = false;
    setLeaving(null);
    if (leaving.kind === 'back') window.history.back();
    else {
      const { link } = leaving;
      // Once the dialog has closed: while it is open, the page under it is inert.
      window.setTimeout(() => (link.isConnected ? link.click() : window.location.assign(link.href)), 0);
    }
  };

  return (
    <ModalDialog
      role="alertdialog"
      size="sm"
      title="Discard your unsaved change?"
      description="What you entered has not been sent. Leaving this page loses it."
      onClose={stay}
      initialFocus={stayButton}
      actions={
        <>
          <button ref={stayButton} type="button" onClick={stay} className={buttonClass()}>
            Stay
          </button>
          <button type="button" onClick={discard} className={buttonClass({ variant: 'danger' })}>
            Discard
          </button>
        </>
      }
    />
  );
}
