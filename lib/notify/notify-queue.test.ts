import { Writable } from 'node:stream';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ChangeState } from '@/lib/change-model/states';
import type { ChangeRow } from '@/lib/db/tables';
import { createLogger } from '@/lib/log/logger';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/upstream/webhook-receiver';

import type { ChangeMove } from './change-notification';
import { createNotifyQueue, type NotifyQueueOptions } from './notify-queue';

// The queue against a real HTTP receiver on loopback: order per change through retries, independence of changes,
// the bound on what is queued, and a log that never holds the webhook's token.
const FAST = { timeoutMs: 300, retryDelaysMs: [50, 100], maxRetryAfterMs: 1_000 };
const alice = { iss: 'i', sub: 'alice', email: 'alice@example.com', name: 'alice', role: 'admin' };

function moveOf(changeId: string, to: ChangeState, from: ChangeState | null): ChangeMove {
  const row = {
    id: changeId,
    cosigner_id: 'cos-1',
    api_key_id: `key-${changeId}`,
    state: to,
    proposer: JSON.stringify(alice),
    updated_at: new Date().toISOString(),
  } as ChangeRow;
  return { change: row, from, actor: null };
}

let receiver: WebhookReceiver;
let logLines: string[];

function queue(extra: Partial<NotifyQueueOptions> = {}) {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  return createNotifyQueue({
    webhookUrl: new URL(receiver.url),
    appUrl: new URL('http://localhost:3000'),
    cosignerName: (id) => Promise.resolve(`Cosigner ${id}`),
    log: createLogger(sink),
    policy: FAST,
    ...extra,
  });
}

const toStates = (r: WebhookReceiver, changeId: string) =>
  r.received
    .map((x) => x.body as { changeId: string; to: string })
    .filter((b) => b.changeId === changeId)
    .map((b) => b.to);

beforeEach(async () => {
  receiver = await startWebhookReceiver();
  logLines = [];
});
afterEach(async () => {
  await receiver.close();
});

describe('createNotifyQueue', () => {
  it('delivers a change’s states in order even when the first needs a retry, and only moves to another state', async () => {
    receiver.respond = (_, n) => ({ status: n === 1 ? 500 : 200 });
    const q = queue();
    q.enqueue(moveOf('a', 'sending', null));
    q.enqueue(moveOf('a', 'sent', 'sending'));
    // A Fireblocks status recorded on a `sent` change: no new state, no notification.
    q.enqueue(moveOf('a', 'sent', 'sent'));
    q.enqueue(moveOf('a', 'completed', 'sent'));
    await q.idle();
    expect(toStates(receiver, 'a')).toEqual(['sending', 'sending', 'sent', 'completed']);
    expect(receiver.received.map((r) => r.answer)).toEqual([
      { status: 500 },
      { status: 200 },
      { status: 200 },
      { status: 200 },
    ]);
    const text = (receiver.received[1]?.body as { text: string }).text;
    expect(text).toBe('alice proposed a change to key …key-a on Cosigner cos-1: sending');
  });

  it('does not hold back one change behind another whose receiver hangs', async () => {
    receiver.respond = (req) => ((req.body as { changeId: string }).changeId === 'slow' ? 'hang' : { status: 200 });
    const q = queue({ policy: { ...FAST, timeoutMs: 2_000, retryDelaysMs: [] } });
    q.enqueue(moveOf('slow', 'sending', null));
    await receiver.waitFor((r) => r.length === 1);
    q.enqueue(moveOf('fast', 'sending', null));
    const received = await receiver.waitFor((r) => r.length === 2, 1_500);
    expect(received[0]?.endedAt).toBeNull();
    expect((received[1]?.body as { changeId: string }).changeId).toBe('fast');
    await q.idle();
  });

  it('enqueue returns at once and never throws, even with a cosigner name that fails', async () => {
    const q = queue({ cosignerName: () => Promise.reject(new Error('upstream down')) });
    const started = performance.now();
    q.enqueue(moveOf('b', 'sending', null));
    expect(performance.now() - started).toBeLessThan(20);
    await q.idle();
    expect((receiver.received[0]?.body as { text: string }).text).toContain('on cosigner cos-1: sending');
  });

  it('drops what exceeds maxPending (logged), and logs outcomes without the webhook’s token', async () => {
    receiver.respond = (_, n) => (n === 1 ? { status: 404 } : { status: 200 });
    const q = queue({ maxPending: 2 });
    q.enqueue(moveOf('c', 'sending', null));
    q.enqueue(moveOf('c', 'sent', 'sending'));
    q.enqueue(moveOf('c', 'completed', 'sent'));
    await q.idle();
    expect(toStates(receiver, 'c')).toEqual(['sending', 'sent']);
    const log = logLines.join('');
    expect(log).toContain('notification dropped: the queue is full');
    expect(log).toContain('notification not delivered; given up');
    expect(log).toContain('notification delivered');
    expect(log).toContain(new URL(receiver.url).origin);
    expect(log).not.toContain(receiver.token);
  });
});
