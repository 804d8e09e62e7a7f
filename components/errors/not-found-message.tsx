import Link from 'next/link';
import { SearchX } from 'lucide-react';

import { buttonClass } from '@/components/ui/button-styles';

export interface NotFoundMessageProps {
  /** Where "back" goes. */
  href: string;
  linkLabel: string;
}

/** A 404 in words: the link or id is wrong, or the page is not for this role. Server-rendered. */
export function NotFoundMessage({ href, linkLabel }: NotFoundMessageProps) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <span className="flex h-12 w-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        <SearchX aria-hidden className="h-6 w-6" />
      </span>
      <h1 className="text-xl font-semibold text-zinc-950 dark:text-white">Page not found</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        There is nothing here: the cosigner or API key does not exist in this workspace, the link is incomplete, or this
        page is not available to your role.
      </p>
      <Link href={href} className={buttonClass()}>
        {linkLabel}
      </Link>
    </div>
  );
}
