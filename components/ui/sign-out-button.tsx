'use client';

import { useState } from 'react';
import { Loader2, LogOut } from 'lucide-react';

import { buttonClass } from './button-styles';

/**
 * A plain form POST: sign-out works without JavaScript and cannot be triggered by a cross-site GET. Once sent it says
 * so at once (the next page is the IdP's, which may take a while), and a second press is not a second request.
 */
export function SignOutButton() {
  const [sending, setSending] = useState(false);
  return (
    <form method="post" action="/auth/logout" onSubmit={() => setSending(true)}>
      <button
        type="submit"
        disabled={sending}
        aria-busy={sending || undefined}
        className={buttonClass({ variant: 'ghost', size: 'sm', className: 'px-2 whitespace-nowrap sm:px-2.5' })}
      >
        {sending ? (
          <Loader2 aria-hidden className="h-4 w-4 animate-spin" />
        ) : (
          <LogOut aria-hidden className="h-4 w-4" />
        )}
        <span className="sr-only sm:not-sr-only">{sending ? 'Signing out…' : 'Sign out'}</span>
      </button>
    </form>
  );
}
