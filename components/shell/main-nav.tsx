import { ScrollText, Server } from 'lucide-react';

import { NavLink } from './nav-link';

/** Primary navigation: the console's sections. Only the links that mark the current one are client code. */
export function MainNav() {
  return (
    <nav aria-label="Main">
      <ul className="flex items-center gap-1">
        <li>
          <NavLink href="/cosigners">
            <Server aria-hidden className="h-4 w-4" />
            Cosigners
          </NavLink>
        </li>
        <li>
          <NavLink href="/audit">
            <ScrollText aria-hidden className="h-4 w-4" />
            Audit
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
