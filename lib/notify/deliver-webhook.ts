import 'server-only';

import { setTimeout as sleep } from 'node:timers/promises';

export interface WebhookRetryPolicy {
  /** Per attempt, until the answer's status line arrives. */
  timeoutMs: number;
  /** The waits before the 2nd, 3rd, ... attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  /** A 429/503 `Retry-After` is honoured up to this long. */
  maxRetryAfterMs: number;
}

/** 5 s per attempt; the first send and three retries after 1 s, 4 s and 15 s (about 40 s at worst). */
export const DEFAULT_WEBHOOK_POLICY: WebhookRetryPolicy = {
  timeoutMs: 5_000,
  retryDelaysMs: [1_000, 4_000, 15_000],
  maxRetryAfterMs: 60_000,
};

/** Why one attempt did not deliver; words of our own, never the URL (it may hold a token). */
export interface FailedAttempt {
  attempt: number;
  /** HTTP status, when the receiver answered. */
  status?: number;
  reason: 'timeout' | 'network' | 'status';
  /** The network error's code (ECONNREFUSED, ...), when there was one. */
  code?: string;
  /** Whether another attempt follows, and after how long. */
  retryInMs: number | null;
}

export type DeliveryOutcome =
  { delivered: true; attempts: number; status: number } | { delivered: false; attempts: number; last: FailedAttempt };

/** Worth another try: no answer, a timeout, 408, 429 or a server error. Any other answer will not change. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** `Retry-After` in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * POSTs one JSON body to the webhook, retrying what may succeed later (see `retryableStatus`, and timeouts and
 * network errors) per `policy`. A redirect is not followed (the body goes to the configured place or nowhere) and is
 * final, as is any other 4xx. Never throws: the outcome says what happened; `onFailedAttempt` hears each miss.
 */
export async function deliverWebhook(
  url: URL,
  body: string,
  policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_POLICY,
  onFailedAttempt?: (failure: FailedAttempt) => void,
): Promise<DeliveryOutcome> {
  for (let attempt = 1; ; attempt++) {
    const backoff = policy.retryDelaysMs[attempt - 1];
    let failure: FailedAttempt;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'cosigner-console-notify' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      // Only the status matters; not reading the body frees the connection.
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { delivered: true, attempts: attempt, status: res.status };
      const retry = retryableStatus(res.status) && backoff !== undefined;
      const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : undefined;
      failure = {
        attempt,
        status: res.status,
        reason: 'status',
        retryInMs: retry ? Math.min(asked ?? backoff, policy.maxRetryAfterMs) : null,
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      failure = {
        attempt,
        reason: timedOut ? 'timeout' : 'network',
        code: timedOut ? undefined : networkCode(error),
        retryInMs: backoff ?? null,
      };
    }
    onFailedAttempt?.(failure);
    if (failure.retryInMs === null) return { delivered: false, attempts: attempt, last: failure };
    await sleep(failure.retryInMs);
  }
}
