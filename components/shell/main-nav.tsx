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
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {SECTIONS.map(({ href, label, icon: Icon, waiting }) => (
          <li key={href}>
            <NavLink href={href}>
              <Icon aria-hidden className="h-4 w-4" />
              {label}
              {waiting && showWaiting && <WaitingBadge />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
