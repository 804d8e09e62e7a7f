import 'server-only';

import { FireblocksError } from './fireblocks-error';
import { sleep } from './retry';

/**
 * Which calls a 429 holds back. `read`: what people's pages and lists read. `write`: the PATCH and the reads a
 * change itself needs (its `before`, the drift guard at approval, following and reconciling it). Fireblocks counts
 * reads and writes in categories of their own, and a 429 earned by people's reads must not hold back an approval:
 * each lane is closed only by a 429 one of its own calls got.
 */
export type UpstreamLane = 'read' | 'write';

/**
 * One process's budget with Fireblocks: every call of the client passes this gate before it is signed and sent.
 * A 429 closes its lane until its `Retry-After` has passed, so the whole replica waits once, together, instead of
 * each caller retrying on its own schedule and spending the API user's shared rate limit again.
 */
export interface UpstreamGate {
  /** Milliseconds until the lane opens; 0 when it is open. */
  remainingMs(lane?: UpstreamLane): number;
  /** Keeps every call of the lane back for `ms` from now; a longer closure already in force is never shortened. */
  close(ms: number, lane?: UpstreamLane): void;
  /**
   * Waits until the lane is open and resolves with how long it waited. A closure longer than `maxWaitMs` is not
   * waited out: a 429 FireblocksError (with `retryAfterSeconds`) is thrown at once and nothing is sent, so a browser
   * is told to come back rather than held on an open request.
   */
  pass(o: { maxWaitMs: number; signal?: AbortSignal; lane?: UpstreamLane }): Promise<number>;
}

export function createUpstreamGate(now: () => number = Date.now): UpstreamGate {
  const notBefore: Record<UpstreamLane, number> = { read: 0, write: 0 };
  const remainingMs = (lane: UpstreamLane = 'read') => Math.max(0, notBefore[lane] - now());
  return {
    remainingMs,
    close(ms, lane = 'read') {
      notBefore[lane] = Math.max(notBefore[lane], now() + Math.max(0, ms));
    },
    async pass({ maxWaitMs, signal, lane = 'read' }) {
      let waited = 0;
      // A loop: while this caller slept, another 429 may have closed the lane again for longer.
      for (let left = remainingMs(lane); left > 0; left = remainingMs(lane)) {
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
