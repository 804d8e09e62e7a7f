import 'server-only';

import { sql } from 'kysely';

import type { Tx } from '@/lib/db/transaction';

import { canonicalJson, GENESIS_HASH, hashOfCanonical } from './chain';
import { auditEventSchema, type AuditEvent } from './audit-event-schema';

/** What the caller says; seq, prevHash and hash come from the chain, `at` from the clock unless given. */
export type AppendAuditEventInput = Pick<AuditEvent, 'kind'> &
  Partial<Omit<AuditEvent, 'seq' | 'kind' | 'prevHash' | 'hash'>>;

/** Any 64-bit number, the same in every replica: the advisory lock that serialises chain appends on PostgreSQL. */
const AUDIT_CHAIN_LOCK = 0x636f_7369_676e; // "cosign"

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : canonicalJson(value));

/** The armour line of any PEM block (public key, certificate, private key), also as it looks inside JSON text. */
const PEM_ARMOUR = /-----BEGIN [A-Z0-9 ]+-----/;

/**
 * Events are exported, shown to viewers and kept forever: they say which key or certificate by its fingerprint,
 * never by its PEM text (that stays on the change row), and a private key must never reach them. Refused here, the
 * one way in, so no caller can put one there by mistake.
 */
function assertNoPem(event: Omit<AuditEvent, 'hash'>, canonical: string): void {
  if (PEM_ARMOUR.test(canonical))
    throw new TypeError(`audit event ${event.kind} refused: it contains PEM text; record fingerprints instead`);
}

interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The last event, read with the chain's lock held: on PostgreSQL the advisory lock and the read are one call
 * (migration 0003: the read must see what the previous holder committed); on SQLite transaction() holds the lock.
 */
async function chainHead(tx: Tx): Promise<ChainHead | undefined> {
  if (tx.engine === 'postgres') {
    const { rows } = await sql<ChainHead>`select seq, hash from audit_chain_head_locked(${AUDIT_CHAIN_LOCK})`.execute(
      tx.kysely,
    );
    return rows[0];
  }
  const { rows } = await sql<ChainHead>`select seq, hash from audit_events order by seq desc limit 1`.execute(
    tx.kysely,
  );
  return rows[0];
}

/**
 * Appends one event to the chain inside the caller's transaction, so it commits (or not) with the caller's writes.
 * Appends are serialised across processes and replicas: by an advisory transaction lock on PostgreSQL, by the
 * write lock that transaction() takes with BEGIN IMMEDIATE on SQLite. The lock is held until the caller commits,
 * so keep the transaction short (no network calls inside it). Returns the event as stored and hashed.
 *
 * Its statements are SQL text, not the query builder: every change runs them, and the builder builds and compiles
 * its tree on every call, ~0.1 ms a statement on a PATCH's path (docs/data.md, "Statements on a change's path").
 */
export async function appendAuditEvent(tx: Tx, input: AppendAuditEventInput): Promise<AuditEvent> {
  const head = await chainHead(tx);
  const unhashed: Omit<AuditEvent, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at: input.at ?? new Date().toISOString(),
    kind: input.kind,
    actor: input.actor ?? null,
    changeId: input.changeId ?? null,
    cosignerId: input.cosignerId ?? null,
    apiKeyId: input.apiKeyId ?? null,
    requestId: input.requestId ?? null,
    fireblocksRequestId: input.fireblocksRequestId ?? null,
    fireblocksAsyncRequestId: input.fireblocksAsyncRequestId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    detail: input.detail ?? null,
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  // One canonical form serves both the PEM check and the hash.
  const canonical = canonicalJson(unhashed);
  assertNoPem(unhashed, canonical);
  // Validated before hashing, so the chain never holds an event that verification would reject.
  const event = auditEventSchema.parse({ ...unhashed, hash: hashOfCanonical(unhashed.prevHash, canonical) });
  await sql`
    insert into audit_events (seq, at, kind, actor, actor_sub, change_id, cosigner_id, api_key_id, request_id,
      fireblocks_request_id, fireblocks_async_request_id, "before", "after", detail, prev_hash, hash)
    values (${event.seq}, ${event.at}, ${event.kind}, ${jsonOrNull(event.actor)}, ${event.actor?.sub ?? null},
      ${event.changeId}, ${event.cosignerId}, ${event.apiKeyId}, ${event.requestId}, ${event.fireblocksRequestId},
      ${event.fireblocksAsyncRequestId}, ${jsonOrNull(event.before)}, ${jsonOrNull(event.after)},
      ${jsonOrNull(event.detail)}, ${event.prevHash}, ${event.hash})`.execute(tx.kysely);
  return event;
}
