import 'server-only';

import type { Db } from '@/lib/db/connect';
import { logger } from '@/lib/log/logger';

import { recordRequestStatus, type ObservedStatus } from './record-request-status';

export interface NotedRequest extends ObservedStatus {
  cosignerId: string;
  apiKeyId: string;
  /** Fireblocks' asynchronous request id. */
  requestId: string;
}

/**
 * A request status someone read through the console (the edit page's tracker polls it): recorded on the change that
 * sent that request, if it is still open, so the change follows without a second read of Fireblocks. Never fails
 * the read: a record that cannot be written is logged, and the next view of the change catches up.
 */
export async function noteRequestStatus(db: Db, noted: NotedRequest): Promise<void> {
  try {
    const row = await db.kysely
      .selectFrom('changes')
      .selectAll()
      .where('cosigner_id', '=', noted.cosignerId)
      .where('api_key_id', '=', noted.apiKeyId)
      .where('fireblocks_request_id', '=', noted.requestId)
      .where('state', 'in', ['sent', 'unknown'])
      .executeTakeFirst();
    if (row) await recordRequestStatus(db, row, noted);
  } catch (err) {
    logger.warn({ err, fireblocksAsyncRequestId: noted.requestId }, 'could not record a request status on its change');
  }
}
