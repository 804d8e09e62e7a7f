import 'server-only';

import { createHash } from 'node:crypto';

import canonicalize from 'canonicalize';

import { auditEventSchema, type AuditEvent } from './audit-event-schema';

/** The prevHash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** RFC 8785 (JCS) canonical JSON of a JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not a JSON value');
  return text;
}

/** `hex(SHA-256(prevHash + "\n" + JCS(event without hash)))`: the hash an event must carry. */
export function computeEventHash(event: Omit<AuditEvent, 'hash'>): string {
  const { prevHash } = event;
  const withoutHash: Record<string, unknown> = { ...event };
  delete withoutHash.hash;
  return hashOfCanonical(prevHash, canonicalJson(withoutHash));
}

/** computeEventHash for an event already in canonical form (the JCS of the event without `hash`). */
export function hashOfCanonical(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/**
 * One line of the JSONL export: the JCS of the whole event, `hash` included (no trailing newline), with U+2028 and
 * U+2029 written as `\u2028` and `\u2029`. JCS leaves those two raw (they are legal in JSON strings), but they are
 * line breaks to many readers (Python's splitlines, editors, log shippers), which would cut an event in two. The
 * escape is the same JSON value: removing `hash` from the parsed line and canonicalising again gives exactly the
 * text that was hashed, so an export can be verified offline with any RFC 8785 implementation and SHA-256.
 */
export function toJsonLine(event: AuditEvent): string {
  return canonicalJson(event).replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}

export type ChainVerdict =
  { ok: true; count: number; headHash: string } | { ok: false; count: number; brokenSeq: number; reason: string };

/**
 * Walks events in order (seq 1, 2, ...) and checks each: the shape, the seq, the link to the previous event's
 * hash, and its own hash recomputed. Stops at the first broken event. Items are validated here, so parsed JSONL
 * lines can be passed as they are; memory stays constant whatever the length.
 */
export async function verifyChain(events: Iterable<unknown> | AsyncIterable<unknown>): Promise<ChainVerdict> {
  let count = 0;
  let headHash = GENESIS_HASH;
  for await (const item of events) {
    const expectedSeq = count + 1;
    const parsed = auditEventSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        count,
        brokenSeq: expectedSeq,
        reason: `not a valid event (${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'})`,
      };
    }
    const event = parsed.data;
    if (event.seq !== expectedSeq)
      return { ok: false, count, brokenSeq: expectedSeq, reason: `expected seq ${expectedSeq}, found ${event.seq}` };
    if (event.prevHash !== headHash)
      return { ok: false, count, brokenSeq: event.seq, reason: "prevHash is not the previous event's hash" };
    if (computeEventHash(event) !== event.hash)
      return { ok: false, count, brokenSeq: event.seq, reason: "hash does not match the event's content" };
    count = event.seq;
    headHash = event.hash;
  }
  return { ok: true, count, headHash };
}
