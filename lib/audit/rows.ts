import 'server-only';

import type { AuditEventRow } from '@/lib/db/tables';

import type { AuditEvent } from './audit-event-schema';

/** undefined for text that is not JSON: verifyChain then names the event instead of the whole walk throwing. */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The event as its columns say, for display, export and verification. Not validated here: verifyChain validates,
 * so a column tampered into an invalid shape is reported as a broken seq rather than thrown.
 */
export function auditEventFromRow(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind as AuditEvent['kind'],
    actor: parseJson(row.actor) as AuditEvent['actor'],
    changeId: row.change_id,
    cosignerId: row.cosigner_id,
    apiKeyId: row.api_key_id,
    requestId: row.request_id,
    fireblocksRequestId: row.fireblocks_request_id,
    fireblocksAsyncRequestId: row.fireblocks_async_request_id,
    before: parseJson(row.before) as AuditEvent['before'],
    after: parseJson(row.after) as AuditEvent['after'],
    detail: parseJson(row.detail) as AuditEvent['detail'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
