'use client';

import type { ServerRead } from '@/lib/queries/initial-page';
import type { ListChangesResponse } from '@/lib/queries/types';

import { keyHistoryQuery } from '@/lib/queries/change-queries';
import { OpenChangeBanner } from '@/components/ui/change/open-change-banner';
import { ChangesTable } from './changes-table';

export interface KeyChangesProps {
  cosignerId: string;
  apiKeyId: string;
  /** The server's reads for the first paint: the open change (state=open, pageSize=1) and the latest changes. */
  initialOpen?: ServerRead<ListChangesResponse>;
  initialHistory?: ServerRead<ListChangesResponse>;
}

/** The key page's change sections: its open change, if any, then its history. */
export function KeyChanges({ cosignerId, apiKeyId, initialOpen, initialHistory }: KeyChangesProps) {
  return (
    <div className="space-y-6">
      <OpenChangeBanner cosignerId={cosignerId} apiKeyId={apiKeyId} initial={initialOpen} />
      <ChangesTable
        heading="Change history"
        query={keyHistoryQuery(cosignerId, apiKeyId)}
        showKey={false}
        initial={initialHistory}
        emptyText="No change to this key has been made through the console."
      />
    </div>
  );
}
