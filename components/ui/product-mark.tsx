import Link from 'next/link';
import { KeyRound } from 'lucide-react';

export interface ProductMarkProps {
  href: string;
}

/** The product name and mark, linking home. */
export function ProductMark({ href }: ProductMarkProps) {
  return (
    <Link
      href={href}
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight whitespace-nowrap text-zinc-950 dark:text-white"
    >
      <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md bg-indigo-600 text-white">
        <KeyRound aria-hidden className="h-4 w-4" />
      </span>
      <span className="text-sm sm:text-base">Cosigner Console</span>
    </Link>
  );
}
