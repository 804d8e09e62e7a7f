import Link from 'next/link';

import { Badge } from '@/components/ui/badge';

export interface ShellUser {
  name: string;
  email: string;
  role: 'admin' | 'viewer' | null;
}

export interface UserBadgeProps {
  user: ShellUser;
}

const ROLE_LABEL = { admin: 'Admin', viewer: 'Viewer' } as const;

/** Who is signed in and what they may do here; a link to where they are signed in (and to end those sessions). */
export function UserBadge({ user }: UserBadgeProps) {
  return (
    <Link
      href="/account/sessions"
      title="Your sessions"
      aria-label={`${user.name}, ${user.role ? ROLE_LABEL[user.role] : 'No access'}: your sessions`}
      className="flex min-w-0 items-center gap-2 rounded-md px-1 py-1 sm:px-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
    >
      {/* Whole on a desktop screen; truncated only as a last resort (a very long address), never pushing the row over. */}
      <div className="hidden min-w-0 text-right leading-tight whitespace-nowrap md:block">
        <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{user.name}</p>
        <p title={user.email} className="truncate text-xs text-zinc-600 dark:text-zinc-400">
          {user.email}
        </p>
      </div>
      <span className="sr-only md:hidden">{user.name}</span>
      <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{user.role ? ROLE_LABEL[user.role] : 'No access'}</Badge>
    </Link>
  );
}
