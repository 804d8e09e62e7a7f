'use client';

import Link from 'next/link';

import { buttonClass } from '@/components/ui/button-styles';
import { changePath, editKeyPath } from '@/lib/page-paths';
import { openChangeQuery } from '@/lib/queries/change-queries';
import type { ServerRead } from '@/lib/queries/initial-page';
import type { ListChangesResponse } from '@/lib/queries/types';
import { useChanges } from '@/lib/queries/use-changes';

export interface EditActionProps {
  cosignerId: string;
  apiKeyId: string;
  /** The server's read of the key's open change, for the first paint (the same query the banner below follows). */
  initialOpen?: ServerRead<ListChangesResponse>;
}

/**
 * The key page's action: "Edit callback handler", or, while a change of the key is open (one at a time), its page
 * instead: an Edit that could only answer "a change is already open" is no action. Followed live, so a change that
 * ends while the page is open brings Edit back.
 */
export function EditAction({ cosignerId, apiKeyId, initialOpen }: EditActionProps) {
  const open = useChanges(openChangeQuery(cosignerId, apiKeyId), initialOpen, { follow: true });
  const change = open.data?.data[0];
  if (change)
    return (
      <Link href={changePath(change.id)} className={buttonClass()}>
        View the open change
      </Link>
    );
  return (
    <Link href={editKeyPath(cosignerId, apiKeyId)} className={buttonClass({ variant: 'primary' })}>
      Edit callback handler
    </Link>
  );
}
