import 'server-only';

import { z } from 'zod';

import { auditEventFromRow } from '@/lib/audit/rows';
import { CLOSED_CHANGE_STATES, OPEN_CHANGE_STATES } from '@/lib/change-model/states';
import type { Db } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';

import type { GetChangeResponse, ListChangesQuery, ListChangesResponse } from './change-api-schemas';
import { changeFromRow, timelineEntryFromEvent } from './change-rows';
import { readChange } from './transition-change';

/** The cursor is the last row's (created_at, id), opaque to clients. */
const cursorSchema = z.tuple([z.string().min(1), z.string().min(1)]);
const encodeCursor = (createdAt: string, id: string) =>
  Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(text: string): [string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new AppError({
      status: 400,
      code: 'bad_request',
      message: 'The page cursor is not valid.',
      fields: { pageCursor: 'Use the `next` of the previous page.' },
    });
  }
}

/**
 * Changes newest first, keyset-paged on (created_at, id) (never OFFSET), filtered by state group and key. Reads
 * only: open changes are brought up to date by the background worker (follow-open-changes.ts), not by a read.
 */
export async function listChanges(db: Db, q: ListChangesQuery): Promise<ListChangesResponse> {
  let query = db.kysely.selectFrom('changes').selectAll();
  if (q.state === 'open') query = query.where('state', 'in', OPEN_CHANGE_STATES);
  if (q.state === 'closed') query = query.where('state', 'in', CLOSED_CHANGE_STATES);
  if (q.cosignerId) query = query.where('cosigner_id', '=', q.cosignerId);
  if (q.apiKeyId) query = query.where('api_key_id', '=', q.apiKeyId);
  if (q.pageCursor) {
    const [createdAt, id] = decodeCursor(q.pageCursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize + 1)
    .execute();
  const page = rows.slice(0, q.pageSize);
  const last = page.at(-1);
  return {
    data: page.map(changeFromRow),
    next: rows.length > q.pageSize && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** One change as recorded, with its timeline: its audit events, oldest first. Reads only. */
export async function getChangeWithTimeline(db: Db, changeId: string): Promise<GetChangeResponse> {
  const row = await readChange(db, changeId);
  if (!row) throw new AppError({ status: 404, code: 'not_found', message: 'There is no such change.' });
  const events = await db.kysely
    .selectFrom('audit_events')
    .selectAll()
    .where('change_id', '=', changeId)
    .orderBy('seq')
    .execute();
  return {
    data: { ...changeFromRow(row), timeline: events.map((e) => timelineEntryFromEvent(auditEventFromRow(e))) },
  };
}
