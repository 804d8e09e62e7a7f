import type { ReactNode } from 'react';

import { ThemeSwitch } from '@/components/ui/theme/theme-switch';

import { ProductMark } from '@/components/ui/product-mark';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { FocusRescue } from './focus-rescue';
import { HeaderSearch } from './header-search';
import { MainNav } from './main-nav';
import { SearchShortcut } from './search-shortcut';
import { SimulatedBanner } from './simulated-banner';
import { UserBadge, type ShellUser } from './user-badge';

export interface AppShellProps {
  user: ShellUser;
  /** True when the upstream is the simulator (from the server's config, not a client fetch). */
  simulated: boolean;
  /** True when changes wait for a second admin (CHANGE_APPROVALS=1): the simulator's banner says how to try it. */
  approvals?: boolean;
  children: ReactNode;
}

/** The frame of every signed-in page: banner, header with product, nav, user and sign-out, then the page. */
export function AppShell({ user, simulated, approvals = false, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      {/* Solid, no backdrop blur: the header does not stick, so nothing ever scrolls beneath it to blur, and the
          filter still cost every frame of the first paint a blurred compositing layer. */}
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        {simulated && <SimulatedBanner approvals={approvals} />}
        {/* One row from `lg` up; below it the sections move to a second row of their own (one nav, restyled). */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 px-4 sm:gap-x-4 sm:px-6 lg:h-14 lg:flex-nowrap lg:gap-x-4 xl:gap-x-6">
          <div className="flex h-14 shrink-0 items-center">
            <ProductMark href="/cosigners" />
          </div>
          <MainNav showInbox={user.role === 'admin'} />
          <div className="ml-auto flex min-w-0 items-center gap-0.5 sm:gap-2">
            <HeaderSearch />
            <UserBadge user={user} />
            <ThemeSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 focus:outline-none sm:px-6 sm:py-8"
      >
        {children}
      </main>
      <FocusRescue />
      <SearchShortcut />
    </div>
  );
}
