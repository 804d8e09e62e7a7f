import 'server-only';

import type { Session } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { InboxResponse } from '@/lib/inbox/inbox-api-schemas';
import { readInbox } from '@/lib/inbox/read-inbox';
import { cosignerNameLookup } from '@/lib/search/cosigner-names';

import type { ServerRead } from './initial-page';

/** The /inbox page's first paint, read with what `GET /api/inbox` runs; a failure leaves the read to the browser. */
export async function fetchInbox(session: Session): Promise<ServerRead<InboxResponse>> {
  try {
    return { data: await readInbox(getDb(), session, await cosignerNameLookup()), readAt: Date.now() };
  } catch {
    return { data: null, readAt: Date.now() };
  }
}
