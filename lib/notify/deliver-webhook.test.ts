import { createServer } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startWebhookReceiver, type WebhookReceiver } from '@/testing/upstream/webhook-receiver';

import { deliverWebhook, retryAfterMs, type FailedAttempt, type WebhookRetryPolicy } from './deliver-webhook';

// The retry policy against a real HTTP server on loopback (testing/upstream/webhook-receiver.ts), with short waits.
const FAST: WebhookRetryPolicy = { timeoutMs: 300, retryDelaysMs: [50, 100, 150], maxRetryAfterMs: 5_000 };
const BODY = JSON.stringify({ changeId: 'c1', text: 'hello' });

let receiver: WebhookReceiver;
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await receiver.close();
});

async function deliver(policy = FAST) {
  const failures: FailedAttempt[] = [];
  const started = Date.now();
  const outcome = await deliverWebhook(new URL(receiver.url), BODY, policy, (f) => failures.push(f));
  return { outcome, failures, tookMs: Date.now() - started };
}

describe('deliverWebhook', () => {
  it('POSTs the JSON body once when the receiver answers 2xx', async () => {
    receiver.respond = () => ({ status: 204 });
    const { outcome, failures } = await deliver();
    expect(outcome).toEqual({ delivered: true, attempts: 1, status: 204 });
    expect(failures).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/hook/${receiver.token}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ changeId: 'c1', text: 'hello' });
  });

  it('retries a 500 after the first backoff and delivers on the next attempt', async () => {
    receiver.respond = (_, n) => ({ status: n === 1 ? 500 : 200 });
    const { outcome, failures } = await deliver();
    expect(outcome).toEqual({ delivered: true, attempts: 2, status: 200 });
    expect(failures).toEqual([{ attempt: 1, status: 500, reason: 'status', retryInMs: 50 }]);
    const [first, second] = receiver.received;
    expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(45);
    expect(second?.body).toEqual(first?.body);
  });

  it('gives up after the last retry: four attempts in all, with the policy’s waits', async () => {
    receiver.respond = () => ({ status: 503 });
    const { outcome, failures } = await deliver();
    expect(outcome).toMatchObject({ delivered: false, attempts: 4, last: { status: 503, retryInMs: null } });
    expect(failures.map((f) => f.retryInMs)).toEqual([50, 100, 150, null]);
    expect(receiver.received).toHaveLength(4);
  });

  it('honours a 429 Retry-After (seconds) over the shorter backoff', async () => {
    receiver.respond = (_, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 });
    const { outcome, failures } = await deliver();
    expect(outcome).toMatchObject({ delivered: true, attempts: 2 });
    expect(failures[0]).toMatchObject({ status: 429, retryInMs: 1_000 });
    const [first, second] = receiver.received;
    expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    receiver.respond = (_, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3600' } } : { status: 200 });
    const { failures } = await deliver({ ...FAST, maxRetryAfterMs: 200 });
    expect(failures[0]?.retryInMs).toBe(200);
  });

  it('does not retry an answer that will not change (404, 400) nor follow a redirect', async () => {
    for (const answer of [
      { status: 404 },
      { status: 400 },
      { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } },
    ]) {
      receiver.received.length = 0;
      receiver.respond = () => answer;
      const { outcome } = await deliver();
      expect(outcome).toMatchObject({
        delivered: false,
        attempts: 1,
        last: { status: answer.status, retryInMs: null },
      });
      expect(receiver.received).toHaveLength(1);
    }
  });

  it('gives up on a receiver that holds the request after the timeout, and retries', async () => {
    receiver.respond = (_, n) => (n === 1 ? 'hang' : { status: 200 });
    const { outcome, failures, tookMs } = await deliver();
    expect(outcome).toEqual({ delivered: true, attempts: 2, status: 200 });
    expect(failures).toEqual([{ attempt: 1, reason: 'timeout', code: undefined, retryInMs: 50 }]);
    expect(tookMs).toBeGreaterThanOrEqual(300);
    expect(tookMs).toBeLessThan(2_000);
    // The held request was abandoned by the client, not answered.
    await receiver.waitFor((r) => r[0]?.endedAt !== null);
  });

  it('retries a refused connection, naming the network error but not the URL', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const failures: FailedAttempt[] = [];
    const outcome = await deliverWebhook(new URL(`http://127.0.0.1:${port}/hook/secret`), BODY, FAST, (f) =>
      failures.push(f),
    );
    expect(outcome).toMatchObject({ delivered: false, attempts: 4 });
    expect(failures[0]).toEqual({ attempt: 1, reason: 'network', code: 'ECONNREFUSED', retryInMs: 50 });
    expect(JSON.stringify(failures)).not.toContain('secret');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates; ignores anything else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
