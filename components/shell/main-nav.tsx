'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Server } from 'lucide-react';

import { cn } from '@/components/ui/cn';

const LINKS = [{ href: '/cosigners', label: 'Cosigners', icon: Server }] as const;

/** Primary navigation; marks the current section with aria-current for screen readers and styling. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {LINKS.map(({ href, label, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium',
                  active
                    ? 'bg-zinc-100 text-zinc-950 dark:bg-zinc-800 dark:text-white'
                    : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white',
                )}
              >
                <Icon aria-hidden className="h-4 w-4" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
