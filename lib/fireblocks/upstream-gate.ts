import 'server-only';

import { FireblocksError } from './fireblocks-error';
import { sleep } from './retry';

/**
 * One process's budget with Fireblocks: every call of the client passes this gate before it is signed and sent.
 * A 429 closes it until its `Retry-After` has passed, so the whole replica waits once, together, instead of each
 * caller retrying on its own schedule and spending the API user's shared rate limit again.
 */
export interface UpstreamGate {
  /** Milliseconds until the gate opens; 0 when it is open. */
  remainingMs(): number;
  /** Keeps every call back for `ms` from now; a longer closure already in force is never shortened. */
  close(ms: number): void;
  /**
   * Waits until the gate is open and resolves with how long it waited. A closure longer than `maxWaitMs` is not
   * waited out: a 429 FireblocksError (with `retryAfterSeconds`) is thrown at once and nothing is sent, so a browser
   * is told to come back rather than held on an open request.
   */
  pass(o: { maxWaitMs: number; signal?: AbortSignal }): Promise<number>;
}

export function createUpstreamGate(now: () => number = Date.now): UpstreamGate {
  let notBefore = 0;
  const remainingMs = () => Math.max(0, notBefore - now());
  return {
    remainingMs,
    close(ms) {
      notBefore = Math.max(notBefore, now() + Math.max(0, ms));
    },
    async pass({ maxWaitMs, signal }) {
      let waited = 0;
      // A loop: while this caller slept, another 429 may have closed the gate again for longer.
      for (let left = remainingMs(); left > 0; left = remainingMs()) {
        if (left > maxWaitMs) throw throttled(left);
        await sleep(left, signal);
        waited += left;
      }
      return waited;
    },
  };
}

/** What a caller gets while the gate is closed for longer than it may wait: the 429 it would get upstream. */
function throttled(leftMs: number): FireblocksError {
  return new FireblocksError({
    kind: 'http',
    status: 429,
    message: 'Fireblocks is rate-limiting this console; nothing was sent',
    retryAfterSeconds: Math.ceil(leftMs / 1000),
    attempts: 0,
  });
}
