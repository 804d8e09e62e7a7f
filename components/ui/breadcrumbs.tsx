import Link from 'next/link';

interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string;
}

export interface BreadcrumbsProps {
  items: Crumb[];
}

/** Where this page sits, with links back up; the last item is the current page. */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-zinc-600 dark:text-zinc-400">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex min-w-0 items-center gap-1">
            {i > 0 && (
              <span aria-hidden className="text-zinc-400 dark:text-zinc-500">
                /
              </span>
            )}
            {item.href ? (
              <Link href={item.href} className="truncate hover:text-zinc-950 hover:underline dark:hover:text-white">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="truncate font-medium text-zinc-800 dark:text-zinc-200">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
