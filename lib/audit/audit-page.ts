import 'server-only';

import type { Db } from '@/lib/db/connect';
import { AppError } from '@/lib/errors/app-error';

import type { AuditFilter, AuditPageQuery, AuditPageResponse } from './audit-api-schemas';
import { listAuditEvents, type ResolvedAuditFilter } from './read';

/** Where the audit filter reads what people call things: the ids of the cosigners whose names hold a text. */
export type CosignerIdsNamed = (text: string) => Promise<readonly string[]>;

/** The filter with its cosigner name (if any) resolved to ids; the one step the page, the API and the export share. */
export async function resolveAuditFilter(
  filter: AuditFilter,
  cosignerIdsNamed: CosignerIdsNamed,
): Promise<ResolvedAuditFilter> {
  if (filter.cosigner === undefined) return filter;
  return { ...filter, cosignerIdsNamed: await cosignerIdsNamed(filter.cosigner) };
}

const CURSOR_PREFIX = 'seq.';

/** The opaque `next` of a page: the last seq shown, so the next page is `seq < it` (callers must not build one). */
export function encodeAuditCursor(seq: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`).toString('base64url');
}

/** The seq a cursor carries; a cursor this code did not make is a 400 naming `pageCursor`. */
export function decodeAuditCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1 || encodeAuditCursor(seq) !== cursor) {
    throw new AppError({
      status: 400,
      code: 'bad_request',
      message: 'Some fields are invalid.',
      fields: { pageCursor: 'not a cursor this console gave out' },
    });
  }
  return seq;
}

/** One page of `GET /api/audit` (and the /audit page's first paint): events newest first and the next cursor. */
export async function readAuditPage(
  db: Db,
  query: AuditPageQuery,
  cosignerIdsNamed: CosignerIdsNamed,
): Promise<AuditPageResponse> {
  const { pageCursor, pageSize, ...filter } = query;
  const beforeSeq = pageCursor === undefined ? undefined : decodeAuditCursor(pageCursor);
  const page = await listAuditEvents(db, await resolveAuditFilter(filter, cosignerIdsNamed), {
    beforeSeq,
    limit: pageSize,
  });
  return { data: page.events, next: page.nextBeforeSeq === null ? null : encodeAuditCursor(page.nextBeforeSeq) };
}
