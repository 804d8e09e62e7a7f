import Link from 'next/link';
import { Server } from 'lucide-react';

/**
 * Primary navigation. A Server Component on purpose (no client JS): the console has one section, and every
 * signed-in page lives in it, so it is always the current one.
 */
export function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        <li>
          <Link
            href="/cosigners"
            aria-current="true"
            className="inline-flex items-center gap-1.5 rounded-md bg-zinc-100 px-2.5 py-1.5 text-sm font-medium text-zinc-950 dark:bg-zinc-800 dark:text-white"
          >
            <Server aria-hidden className="h-4 w-4" />
            Cosigners
          </Link>
        </li>
      </ul>
    </nav>
  );
}
