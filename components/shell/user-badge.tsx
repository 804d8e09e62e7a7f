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

/** Who is signed in and what they may do here. */
export function UserBadge({ user }: UserBadgeProps) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <div className="hidden min-w-0 text-right leading-tight md:block">
        <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{user.name}</p>
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{user.email}</p>
      </div>
      <span className="sr-only md:hidden">{user.name}</span>
      <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{user.role ? ROLE_LABEL[user.role] : 'No access'}</Badge>
    </div>
  );
}
