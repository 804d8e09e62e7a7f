import 'server-only';

import type { z } from 'zod';

import { FireblocksError } from './fireblocks-error';
import { httpError, parseBody, requestIdOf, type RawResponse } from './response';
import { backoffDelay, isRetryableStatus, sleep, type RetryPolicy } from './retry';
import { HttpSendError, type HttpAnswer, type HttpSendInit } from './http-send';
import type { RequestSigner } from './sign';
import type { UpstreamGate, UpstreamLane } from './upstream-gate';

export interface Transport {
  /** Base URL including `/v1`, no trailing slash. */
  baseUrl: string;
  apiKey: string;
  sign: RequestSigner;
  /** Per attempt. */
  timeoutMs: number;
  retry: RetryPolicy;
  send: (url: URL, init: HttpSendInit) => Promise<HttpAnswer>;
  /** The process's one rate-limit budget: every attempt passes it, a 429 closes it (upstream-gate.ts). */
  gate: UpstreamGate;
  /** Called once per HTTP exchange (not for a call the gate refused): metrics hook in here. */
  observe?: (o: UpstreamObservation) => void;
}

export interface UpstreamObservation {
  method: CallSpec<unknown>['method'];
  /** The path's template, e.g. `/cosigners/{cosignerId}/api_keys`: never an id, so it is a bounded label. */
  route: string;
  /** The HTTP status, or how the exchange failed without one. */
  status: number | 'timeout' | 'network' | 'too_large';
  seconds: number;
}

export interface CallSpec<T> {
  method: 'GET' | 'PATCH';
  /** The gate's lane this call waits in and closes on a 429 (upstream-gate.ts). */
  lane: UpstreamLane;
  /** Relative to the base URL, path segments already encoded, e.g. `/cosigners/abc/api_keys`. */
  path: string;
  /** `path` with its ids as `{names}`, for metrics. */
  route: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Nothing leaves before this settles: the request is signed meanwhile (the RSA signature is most of a call's own
   * time), then sent once it resolves, or never when it rejects (its error is thrown). A change's PATCH waits so
   * for the transaction that records it.
   */
  sendAfter?: Promise<unknown>;
  /**
   * Runs once everything else is ready (the gate passed, the token signed, `sendAfter` resolved), right before the
   * request leaves; nothing is sent when it rejects (its error is thrown). A change records here when its PATCH
   * really started, which is what the deadline of a `sending` change counts from.
   */
  beforeSend?: () => Promise<unknown>;
}

export interface CallResult<T> {
  data: T;
  status: number;
  headers: Headers;
  fireblocksRequestId?: string;
}

/** One Fireblocks call: signed, timed out, parsed, and for GET retried on 429/5xx/network failures. */
export async function call<T>(t: Transport, spec: CallSpec<T>): Promise<CallResult<T>> {
  const url = new URL(t.baseUrl + spec.path);
  assertPathKept(t.baseUrl, spec.path, url);
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  // Serialized once: these bytes are hashed into the JWT and these bytes are sent.
  const body = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
  const maxAttempts = spec.method === 'GET' ? t.retry.maxAttempts : 1;
  for (let attempt = 1; ; attempt++) {
    // Waiting here is not a retry: nothing has been sent yet, so a PATCH waits like a read.
    await t.gate.pass({ maxWaitMs: t.retry.maxRetryAfterMs, signal: spec.signal, lane: spec.lane });
    try {
      const raw = await attemptOnce(t, spec, url, body, attempt);
      return {
        data: parseBody(raw, spec.schema),
        status: raw.status,
        headers: raw.headers,
        fireblocksRequestId: requestIdOf(raw.headers),
      };
    } catch (error) {
      const throttled = error instanceof FireblocksError && error.kind === 'http' && error.status === 429;
      const delayMs = attempt < maxAttempts ? retryDelay(t.retry, attempt, error) : undefined;
      // The whole process holds back, retried or not: for Retry-After when given (even past what a read waits out).
      if (throttled) t.gate.close(retryAfterMs(error) ?? delayMs ?? backoffDelay(t.retry, attempt), spec.lane);
      if (delayMs === undefined) throw error;
      const fe = error as FireblocksError;
      t.retry.onRetry?.({
        attempt,
        delayMs,
        reason: fe.kind === 'http' ? 'status' : 'network',
        status: fe.status,
        retryAfterMs: retryAfterMs(fe),
      });
      // After a 429 the wait is the gate's, at the top of the next attempt, shared with every other caller.
      if (!throttled) await sleep(delayMs, spec.signal);
    }
  }
}

/**
 * The URL parser resolves dot segments (`.`, `..`, `%2e`) and would quietly aim a signed request at another
 * Fireblocks path (`PATCH .../api_keys/..` is "rename cosigner"). An id is checked before it gets here; this is the
 * last stop, before anything is signed or sent: the parsed path must be exactly the one built from the segments.
 */
function assertPathKept(baseUrl: string, path: string, url: URL): void {
  const meant = new URL(baseUrl).pathname.replace(/\/+$/, '') + path;
  if (url.pathname === meant) return;
  throw new FireblocksError({
    kind: 'invalid_request',
    message: 'A path parameter is not a plain name (. or ..); nothing was sent to Fireblocks',
  });
}

async function attemptOnce<T>(
  t: Transport,
  spec: CallSpec<T>,
  url: URL,
  body: Uint8Array | undefined,
  attempt: number,
): Promise<RawResponse> {
  // The uri claim is the path and query of the URL object that is sent, so both carry the same encoding.
  const [token] = await Promise.all([t.sign({ uri: url.pathname + url.search, body }), spec.sendAfter]);
  await spec.beforeSend?.();
  const authorization = `Bearer ${token}`;
  const started = performance.now();
  const observe = (status: UpstreamObservation['status']) =>
    t.observe?.({ method: spec.method, route: spec.route, status, seconds: (performance.now() - started) / 1000 });
  let answer: HttpAnswer;
  try {
    answer = await t.send(url, {
      method: spec.method,
      headers: {
        'X-API-Key': t.apiKey,
        Authorization: authorization,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body,
      timeoutMs: t.timeoutMs,
      signal: spec.signal,
    });
  } catch (error) {
    if (!(error instanceof HttpSendError)) throw error; // the caller's abort reason
    observe(error.reason);
    if (error.reason === 'timeout') {
      throw new FireblocksError({
        kind: 'timeout',
        message: `Fireblocks did not answer within ${t.timeoutMs} ms`,
        attempts: attempt,
      });
    }
    if (error.reason === 'too_large') {
      throw new FireblocksError({
        kind: 'invalid_response',
        message: 'Fireblocks sent an answer larger than the console accepts',
        attempts: attempt,
      });
    }
    // Only the error's code goes along (e.g. ECONNREFUSED), never a message that could quote a header.
    throw new FireblocksError({
      kind: 'network',
      message: `Fireblocks could not be reached${error.code ? ` (${error.code})` : ''}`,
      attempts: attempt,
    });
  }
  observe(answer.status);
  const raw = { ...answer, attempt };
  if (raw.status < 200 || raw.status > 299) throw httpError(raw);
  return raw;
}

/** Milliseconds to wait before retrying after `error`, or undefined when it must not be retried. */
function retryDelay(policy: RetryPolicy, attempt: number, error: unknown): number | undefined {
  if (!(error instanceof FireblocksError)) return undefined;
  if (error.kind === 'network') return backoffDelay(policy, attempt);
  if (error.kind !== 'http' || error.status === undefined || !isRetryableStatus(error.status)) return undefined;
  const after = retryAfterMs(error);
  if (after === undefined) return backoffDelay(policy, attempt);
  return after <= policy.maxRetryAfterMs ? after : undefined;
}

function retryAfterMs(e: FireblocksError): number | undefined {
  return e.retryAfterSeconds === undefined ? undefined : e.retryAfterSeconds * 1000;
}
