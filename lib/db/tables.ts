import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

import type { ChangeState } from '@/lib/change-model/states';

/**
 * The console's tables as Kysely sees them. Column names are snake_case in the database; callers map rows to the
 * camelCase shapes of the API. Timestamps are ISO 8601 UTC strings on both engines (PostgreSQL stores them as
 * timestamptz and lib/db/connect.ts reads them back as ISO strings). JSON columns hold JSON text on both engines,
 * so what is read is exactly what was written.
 */

/** A signed-in browser session; the sealed cookie carries only the random session id, the row holds the rest. */
interface SessionsTable {
  /** SHA-256 hex of the session id, so a read of the table cannot be replayed as a cookie. */
  id_hash: string;
  iss: string;
  sub: string;
  email: string | null;
  name: string | null;
  /** admin or viewer; null: signed in without a mapped group (the no-access page, refused by every API route). */
  role: string | null;
  /** When the user last authenticated at the IdP (OIDC `auth_time`), for step-up. */
  auth_time: string | null;
  created_at: string;
  last_seen_at: string;
  /** The absolute end of the session, whatever its activity. */
  expires_at: string;
  revoked_at: string | null;
  /** SHA-256 hex of the login state the session was made from (unique: a login state makes one session). */
  login_state_hash: string | null;
  /** The browser's User-Agent at sign-in (at most 512 characters), to name the session for its owner. */
  user_agent: string | null;
  /** The address the sign-in came from, as lib/auth/client-address.ts reads it. */
  ip: string | null;
  /** SHA-256 hex of the browser's own random id (the `cc_browser` cookie): its sessions, newest last. */
  browser_hash: string | null;
}

/** When a person last marked their inbox as seen: moves of their changes after it are new to them. */
interface InboxMarksTable {
  iss: string;
  sub: string;
  seen_at: string;
}

interface ChangesTable {
  /** A UUID made by the console. */
  id: string;
  cosigner_id: string;
  api_key_id: string;
  state: ChangeState;
  /** JSON text of the proposer `{ iss, sub, email, name, role }`. */
  proposer: string;
  proposer_sub: string;
  /** JSON text of the approver, like `proposer`; null until approved. */
  approver: string | null;
  /** The database refuses an approver_sub equal to proposer_sub. */
  approver_sub: string | null;
  /** At most 500 characters. */
  reason: string | null;
  /** JSON text: the live handler the change was made against (the drift guard compares it before sending). */
  before_handler: string;
  /** JSON text: the handler to send (URL, public key or certificate PEM text, fingerprints). */
  after_handler: string;
  /** Fireblocks' asynchronous request id, once the PATCH was accepted. */
  fireblocks_request_id: string | null;
  /** Fireblocks' X-Request-ID of the PATCH. */
  fireblocks_x_request_id: string | null;
  last_fireblocks_status: string | null;
  /** Why it was declined, failed or reconciled. */
  decided_reason: string | null;
  created_at: string;
  updated_at: string;
  /** When an approval-awaiting change expires (CHANGE_TTL). */
  expires_at: string | null;
  closed_at: string | null;
  /**
   * JSON text: the last pre-flight check of `after`'s target (lib/preflight), taken on proposal, at approval and on
   * demand; null when none ran (PREFLIGHT=off). Not versioned: a check is an observation, not a move of the change.
   */
  preflight: ColumnType<string | null, string | null | undefined, string | null>;
  /** Optimistic concurrency: every update sets `version = version + 1 WHERE version = <read>`. 1 on insert. */
  version: ColumnType<number, number | undefined, number>;
}

/** Append-only; the database refuses UPDATE and DELETE. Mapped to and from AuditEvent by lib/audit. */
interface AuditEventsTable {
  /** 1, 2, ... without gaps: assigned under the append lock, not by a sequence. */
  seq: number;
  /** ISO 8601 UTC with milliseconds, as hashed. */
  at: string;
  kind: string;
  /** JSON text of `{ iss, sub, email, name, role }`, or null for the console itself. */
  actor: string | null;
  /** actor.sub, kept apart for the audit page's actor filter. */
  actor_sub: string | null;
  change_id: string | null;
  cosigner_id: string | null;
  api_key_id: string | null;
  request_id: string | null;
  fireblocks_request_id: string | null;
  fireblocks_async_request_id: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** A lease one process holds at a time (lib/worker/lease.ts); times are the database's clock. */
interface WorkerLeaseTable {
  name: string;
  /** Who holds it: one id per process start (host, pid and a random part). */
  holder: string;
  /** Grows by one whenever the holder changes. */
  term: number;
  acquired_at: string;
  renewed_at: string;
  expires_at: string;
}

/** The last pass of each background job (lib/worker/job-state.ts), written by the lease holder. */
interface WorkerJobsTable {
  name: string;
  every_ms: number;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  /** When a pass last succeeded; null until one has. */
  ok_at: string | null;
  /** JSON text `{ code, message, at }` when the last pass failed, else null. */
  error: string | null;
}

export interface Database {
  sessions: SessionsTable;
  changes: ChangesTable;
  audit_events: AuditEventsTable;
  worker_lease: WorkerLeaseTable;
  worker_jobs: WorkerJobsTable;
  inbox_marks: InboxMarksTable;
}

export type SessionRow = Selectable<SessionsTable>;
export type ChangeRow = Selectable<ChangesTable>;
export type NewChangeRow = Insertable<ChangesTable>;
export type ChangeRowUpdate = Updateable<ChangesTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type WorkerJobRow = Selectable<WorkerJobsTable>;
