import Link from 'next/link';

import { changePath } from '@/lib/page-paths';
import { ErrorState } from '@/components/ui/error-state';
import { ApiError } from '@/lib/queries/api-error';

export interface SendErrorProps {
  error: unknown;
}

/** Why a send did not go through; another admin's open change comes with a link to it. */
export function SendError({ error }: SendErrorProps) {
  if (error instanceof ApiError && error.code === 'change_open') {
    return (
      <div className="space-y-2">
        <ErrorState title="Another change is open for this key" error={error} />
        {error.changeId && (
          <Link
            href={changePath(error.changeId)}
            className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            View the open change
          </Link>
        )}
      </div>
    );
  }
  return <ErrorState title="Fireblocks did not accept the change" error={error} />;
}
