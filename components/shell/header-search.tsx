'use client';

import Form from 'next/form';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Search } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';

/**
 * The header's search box: submits to /search (a plain GET form, so it works before hydration too). Hidden on the
 * search page itself, whose own box is the one to use; on small screens a link to that page instead of a box.
 */
export function HeaderSearch() {
  const pathname = usePathname();
  if (pathname === '/search') return null;
  return (
    <>
      <Form action="/search" role="search" aria-label="Keys and cosigners" className="hidden xl:block">
        <label htmlFor="header-search" className="sr-only">
          Search keys and cosigners
        </label>
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-500 dark:text-zinc-400"
          />
          <input
            id="header-search"
            type="search"
            name="q"
            required
            minLength={2}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder="Search keys, URLs, fingerprints"
            className="h-8 w-48 rounded-md border border-zinc-300 bg-white pr-2 pl-8 text-sm shadow-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
          />
        </div>
      </Form>
      <Link
        href="/search"
        aria-label="Search"
        className={buttonClass({ variant: 'ghost', size: 'icon', className: 'xl:hidden' })}
      >
        <Search aria-hidden className="h-4 w-4" />
      </Link>
    </>
  );
}
