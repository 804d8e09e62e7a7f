import Link from 'next/link';
import { Lock } from 'lucide-react';

import { ProductMark } from '@/components/ui/product-mark';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { Card } from '@/components/ui/card';

export interface NoAccessProps {
  name: string;
  email: string;
  /** True if the user has a role after all (e.g. reached this page by a link). */
  hasRole: boolean;
}

/** Signed in, but no IdP group maps to a console role: say so, and who to ask. */
export function NoAccess({ name, email, hasRole }: NoAccessProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-4 sm:px-6">
        <ProductMark href="/" />
        <SignOutButton />
      </header>
      <main id="main" className="mx-auto flex w-full max-w-lg flex-1 flex-col justify-center px-4 py-12">
        <Card className="p-6">
          <Lock aria-hidden className="h-6 w-6 text-zinc-600 dark:text-zinc-400" />
          <h1 className="mt-3 text-xl font-semibold text-zinc-950 dark:text-white">
            You don’t have access to the Cosigner Console
          </h1>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            You are signed in as <strong className="text-zinc-900 dark:text-zinc-100">{name}</strong> ({email}), but
            your account is not in a group that grants a console role. Ask your identity administrator to add you to the
            admins or viewers group, then sign in again.
          </p>
          {hasRole && (
            <p className="mt-4 text-sm">
              <Link href="/cosigners" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                Go to the cosigners
              </Link>
            </p>
          )}
        </Card>
      </main>
    </div>
  );
}
