import { describe, expect, it } from 'vitest';

import { FireblocksError } from './fireblocks-error';
import { createUpstreamGate } from './upstream-gate';

describe('the upstream gate', () => {
  it('lets a call through at once while open', async () => {
    const gate = createUpstreamGate();
    expect(gate.remainingMs()).toBe(0);
    expect(await gate.pass({ maxWaitMs: 1_000 })).toBe(0);
  });

  it('holds every caller until the closure ends, and they go together', async () => {
    const gate = createUpstreamGate();
    gate.close(300);
    const started = Date.now();
    const ends = await Promise.all(
      Array.from({ length: 5 }, () => gate.pass({ maxWaitMs: 1_000 }).then(() => Date.now() - started)),
    );
    for (const t of ends) expect(t).toBeGreaterThanOrEqual(290);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(100);
    expect(gate.remainingMs()).toBe(0);
  });

  it('never shortens a longer closure', () => {
    let now = 1_000;
    const gate = createUpstreamGate(() => now);
    gate.close(5_000);
    gate.close(1_000);
    expect(gate.remainingMs()).toBe(5_000);
    now += 4_000;
    expect(gate.remainingMs()).toBe(1_000);
    now += 2_000;
    expect(gate.remainingMs()).toBe(0);
  });

  it('refuses at once, with a 429 and the seconds left, when the closure is longer than the caller may wait', async () => {
    const gate = createUpstreamGate();
    gate.close(30_000);
    const started = Date.now();
    const e = await gate.pass({ maxWaitMs: 5_000 }).catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(100);
    expect(e).toBeInstanceOf(FireblocksError);
    expect(e).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 30, attempts: 0 });
  });

  it('keeps waiting when the gate was closed again while it slept', async () => {
    const gate = createUpstreamGate();
    gate.close(100);
    setTimeout(() => gate.close(300), 50);
    const started = Date.now();
    await gate.pass({ maxWaitMs: 1_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(340);
  });

  it('ends the wait when the caller gives up', async () => {
    const gate = createUpstreamGate();
    gate.close(5_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('went away')), 50);
    await expect(gate.pass({ maxWaitMs: 10_000, signal: controller.signal })).rejects.toThrow('went away');
  });
});

describe('the gate has two lanes', () => {
  it("a 429 on people's reads holds back reads only; a change's calls (write lane) go on", async () => {
    const gate = createUpstreamGate();
    gate.close(30_000, 'read');
    expect(await gate.pass({ maxWaitMs: 1_000, lane: 'write' })).toBe(0);
    await expect(gate.pass({ maxWaitMs: 1_000, lane: 'read' })).rejects.toMatchObject({ status: 429 });
    gate.close(200, 'write');
    expect(gate.remainingMs('write')).toBeGreaterThan(0);
    expect(await gate.pass({ maxWaitMs: 1_000, lane: 'write' })).toBeGreaterThanOrEqual(150);
  });
});
