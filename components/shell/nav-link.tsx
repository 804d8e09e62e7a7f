'use client';

import type { ReactNode } from 'react';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { Loader2 } from 'lucide-react';

import { cn } from '@/components/ui/cn';

export interface NavLinkProps {
  href: string;
  children: ReactNode;
}

/** A main-nav entry, marked current on its own section (the path itself or anything below it). */
export function NavLink({ href, children }: NavLinkProps) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium whitespace-nowrap sm:px-2.5',
        current
          ? 'bg-zinc-100 text-zinc-950 dark:bg-zinc-800 dark:text-white'
          : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white',
      )}
    >
      {children}
      <Pending />
    </Link>
  );
}

/**
 * A spinner from the frame the link is clicked until the next page (or its skeleton) shows: a first visit may wait
 * on the server (and, in development, on compiling the page) before anything else can change.
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <Loader2 aria-hidden className="h-3.5 w-3.5 animate-spin" /> : null;
}
