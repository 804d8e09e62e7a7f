import { GitPullRequestArrow, Inbox, ScrollText, Server, TriangleAlert } from 'lucide-react';

import { InboxBadge } from './inbox-badge';
import { NavLink } from './nav-link';

/** The console's sections; the inbox only for admins (a viewer approves and proposes nothing). */
const SECTIONS = [
  { href: '/inbox', label: 'Inbox', icon: Inbox, inbox: true },
  { href: '/cosigners', label: 'Cosigners', icon: Server },
  { href: '/changes', label: 'Changes', icon: GitPullRequestArrow },
  { href: '/findings', label: 'Findings', icon: TriangleAlert },
  { href: '/audit', label: 'Audit', icon: ScrollText },
];

/**
 * Primary navigation: each section's link, the current one marked (NavLink reads the path in the browser); "Inbox"
 * carries the count of what needs the user (admins only).
 */
export function MainNav({ showInbox }: { showInbox: boolean }) {
  return (
    // Below `lg` a row of its own under the product and the account controls, wrapping rather than cut or scrolled.
    <nav
      aria-label="Main"
      className="order-last -mx-2 w-[calc(100%+1rem)] border-t border-zinc-100 py-1.5 lg:order-none lg:mx-0 lg:w-auto lg:border-0 lg:py-0 dark:border-zinc-800"
    >
      <ul className="flex flex-wrap items-center gap-1">
        {SECTIONS.filter((s) => showInbox || !s.inbox).map(({ href, label, icon: Icon, inbox }) => (
          <li key={href}>
            <NavLink href={href}>
              <Icon aria-hidden className="hidden h-4 w-4 xl:block" />
              {label}
              {inbox && <InboxBadge />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
