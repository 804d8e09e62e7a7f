import { GitPullRequestArrow, ScrollText, Server, TriangleAlert } from 'lucide-react';

import { NavLink } from './nav-link';

/** The console's sections. */
const SECTIONS = [
  { href: '/cosigners', label: 'Cosigners', icon: Server },
  { href: '/changes', label: 'Changes', icon: GitPullRequestArrow },
  { href: '/findings', label: 'Findings', icon: TriangleAlert },
  { href: '/audit', label: 'Audit', icon: ScrollText },
];

/** Primary navigation: each section's link, the current one marked (NavLink reads the path in the browser). */
export function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        {SECTIONS.map(({ href, label, icon: Icon }) => (
          <li key={href}>
            <NavLink href={href}>
              <Icon aria-hidden className="h-4 w-4" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
