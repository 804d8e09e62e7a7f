import { LogOut } from 'lucide-react';

import { buttonClass } from './button-styles';

/** A plain form POST: sign-out works without JavaScript and cannot be triggered by a cross-site GET. */
export function SignOutButton() {
  return (
    <form method="post" action="/auth/logout">
      <button type="submit" className={buttonClass({ variant: 'ghost', size: 'sm' })}>
        <LogOut aria-hidden className="h-4 w-4" />
        <span className="hidden sm:inline">Sign out</span>
        <span className="sr-only sm:hidden">Sign out</span>
      </button>
    </form>
  );
}
