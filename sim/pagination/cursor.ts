import { createHmac, timingSafeEqual } from 'node:crypto';

export type Order = 'ASC' | 'DESC';

/** What a cursor points at: the list it belongs to, its order, and the seq of the last item served. */
export interface CursorPosition {
  scope: string;
  order: Order;
  afterSeq: number;
}

// Opaque to clients (base64url payload + truncated HMAC) so a tampered or hand-made cursor is refused
// with 400 instead of silently serving another position, as an upstream cursor would be.
function mac(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, 16).toString('base64url');
}

export function encodeCursor(pos: CursorPosition, secret: Buffer): string {
  const payload = Buffer.from(JSON.stringify({ s: pos.scope, o: pos.order, a: pos.afterSeq })).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The position, or null when the cursor is malformed or was not issued by this simulator (seed). */
export function decodeCursor(cursor: string, secret: Buffer): CursorPosition | null {
  const [payload, tag, extra] = cursor.split('.');
  if (!payload || !tag || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s?: unknown;
      o?: unknown;
      a?: unknown;
    };
    if (typeof v.s !== 'string' || (v.o !== 'ASC' && v.o !== 'DESC') || !Number.isSafeInteger(v.a)) return null;
    return { scope: v.s, order: v.o, afterSeq: v.a as number };
  } catch {
    return null;
  }
}
