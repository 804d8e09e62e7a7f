import { GitPullRequestArrow, ScrollText, Server, TriangleAlert } from 'lucide-react';

import { NavLink } from './nav-link';
import { WaitingBadge } from './waiting-badge';

/** The console's sections. */
const SECTIONS = [
  { href: '/cosigners', label: 'Cosigners', icon: Server },
  { href: '/changes', label: 'Changes', icon: GitPullRequestArrow, waiting: true },
  { href: '/findings', label: 'Findings', icon: TriangleAlert },
  { href: '/audit', label: 'Audit', icon: ScrollText },
];

/**
 * Primary navigation: each section's link, the current one marked (NavLink reads the path in the browser); "Changes"
 * carries the count of changes waiting for the user's approval (admins only: nothing waits for a viewer).
 */
export function MainNav({ showWaiting }: { showWaiting: boolean }) {
  return (
    // Below `lg` a row of its own under the product and the account controls, wrapping rather than cut or scrolled.
    <nav
      aria-label="Main"
      className="order-last -mx-2 w-[calc(100%+1rem)] border-t border-zinc-100 py-1.5 lg:order-none lg:mx-0 lg:w-auto lg:border-0 lg:py-0 dark:border-zinc-800"
    >
      <ul className="flex flex-wrap items-center gap-1">
        {SECTIONS.map(({ href, label, icon: Icon, waiting }) => (
          <li key={href}>
            <NavLink href={href}>
              <Icon aria-hidden className="hidden h-4 w-4 xl:block" />
              {label}
              {waiting && showWaiting && <WaitingBadge />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
