import { describe, expect, it } from 'vitest';

import { Lifecycle } from './lifecycle';

// The state machine on explicit clocks: exact, with no dependence on wall time.
describe('Lifecycle', () => {
  function setup() {
    const l = new Lifecycle({ approveMs: 100, completeMs: 200 });
    let applied = 0;
    const r = l.create('UPDATE_CALLBACK_HANDLER', 'c', 'k', () => applied++, 1_000);
    return { l, r, applied: () => applied };
  }

  it('moves WAITING_FOR_APPROVAL -> APPROVED -> COMPLETED at the configured delays, applying once', () => {
    const { l, r, applied } = setup();
    const seen: string[] = [];
    for (const t of [1_000, 1_099, 1_100, 1_299, 1_300, 5_000]) {
      l.settle(t);
      seen.push(r.status);
    }
    expect(seen).toEqual([
      'WAITING_FOR_APPROVAL',
      'WAITING_FOR_APPROVAL',
      'APPROVED',
      'APPROVED',
      'COMPLETED',
      'COMPLETED',
    ]);
    expect(applied()).toBe(1);
  });

  it('a rejected or cancelled request never applies; ended requests cannot be forced again', () => {
    for (const target of ['REJECTED', 'CANCELLED'] as const) {
      const { l, r, applied } = setup();
      expect(l.force(r.id, target, 1_150)).toMatchObject({ status: target });
      l.settle(10_000);
      expect(r.status).toBe(target);
      expect(applied()).toBe(0);
      expect(l.force(r.id, 'COMPLETED', 10_000)).toBe('terminal');
    }
  });

  it('forced approve keeps the completion gap; forced complete applies now', () => {
    const { l, r, applied } = setup();
    l.force(r.id, 'APPROVED', 1_010);
    expect(r.status).toBe('APPROVED');
    l.settle(1_209);
    expect(r.status).toBe('APPROVED');
    l.force(r.id, 'COMPLETED', 1_210);
    expect(r.status).toBe('COMPLETED');
    expect(applied()).toBe(1);
    expect(l.force('nope', 'REJECTED', 0)).toBe('not_found');
  });

  it('completes requests in completion-time order, whatever their creation order', () => {
    const l = new Lifecycle({ approveMs: 500, completeMs: 500 });
    const order: string[] = [];
    l.create('UPDATE_CALLBACK_HANDLER', 'c', 'k', () => order.push('slow'), 0);
    l.setDelays({ approveMs: 10, completeMs: 10 });
    l.create('UPDATE_CALLBACK_HANDLER', 'c', 'k', () => order.push('fast'), 0);
    l.settle(2_000);
    expect(order).toEqual(['fast', 'slow']);
  });
});
