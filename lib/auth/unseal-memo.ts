import 'server-only';

import type { Session } from './session';

/** Enough for every user active at once on a console like this; the oldest entry goes first. */
const MAX_ENTRIES = 1000;

const memo = new Map<string, { secret: string; session: Readonly<Session> }>();

/**
 * Sessions already read from a given seal. Unsealing (HMAC check and AES decryption through WebCrypto) costs
 * ~0.3 ms, paid again on every API call that carries the same cookie. A hit needs the exact sealed string and the
 * same secret, so it proves what the first unseal proved; liveness (idle and absolute lifetime) is still judged
 * by the caller on every request, and it is stricter than iron's own TTL, which counts from the last re-seal.
 */
export function recallSession(sealed: string, secret: string): Session | undefined {
  const hit = memo.get(sealed);
  if (!hit || hit.secret !== secret) return undefined;
  // A fresh copy each time, so no caller can change what the next request reads.
  return { user: { ...hit.session.user }, createdAt: hit.session.createdAt, lastSeenAt: hit.session.lastSeenAt };
}

export function rememberSession(sealed: string, secret: string, session: Session): void {
  if (memo.size >= MAX_ENTRIES) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(sealed, { secret, session: { user: { ...session.user }, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt } });
}
