import 'server-only';

import type { AuditEvent } from '@/lib/audit/audit-event-schema';
import type { ChangeRow } from '@/lib/db/tables';
import { preflightResultSchema } from '@/lib/preflight/preflight-schemas';

import { changeActorSchema } from '@/lib/change-model/actor-and-reason';

import { handlerSnapshotSchema, type ChangeResponse, type ChangeTimelineEntry } from './change-api-schemas';

const parseActor = (text: string) => changeActorSchema.parse(JSON.parse(text));

/** A change row as the API shows it; JSON columns are parsed through the browser contract's schemas. */
export function changeFromRow(row: ChangeRow): ChangeResponse {
  return {
    id: row.id,
    cosignerId: row.cosigner_id,
    apiKeyId: row.api_key_id,
    state: row.state,
    proposer: parseActor(row.proposer),
    approver: row.approver === null ? null : parseActor(row.approver),
    reason: row.reason,
    decidedReason: row.decided_reason,
    before: handlerSnapshotSchema.nullable().parse(JSON.parse(row.before_handler)),
    after: handlerSnapshotSchema.parse(JSON.parse(row.after_handler)),
    fireblocks: {
      requestId: row.fireblocks_request_id,
      xRequestId: row.fireblocks_x_request_id,
      lastStatus: row.last_fireblocks_status,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    closedAt: row.closed_at,
    preflight: row.preflight === null ? null : preflightResultSchema.parse(JSON.parse(row.preflight)),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringAt = (v: unknown, key: string) => (isRecord(v) && typeof v[key] === 'string' ? v[key] : null);

/** One audit event of a change as a step of its timeline (`detail.message` is the words for people). */
export function timelineEntryFromEvent(event: AuditEvent): ChangeTimelineEntry {
  const actor = event.actor;
  return {
    seq: event.seq,
    at: event.at,
    kind: event.kind,
    actor: actor ? { sub: actor.sub, name: actor.name ?? '', email: actor.email ?? '' } : null,
    fireblocksStatus: stringAt(event.detail, 'fireblocksStatus'),
    detail: stringAt(event.detail, 'message'),
  };
}
