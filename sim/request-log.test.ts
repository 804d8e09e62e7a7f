import { describe, expect, it } from 'vitest';

import { RequestLog } from './request-log';
import type { SimLogEntry } from './types';

const entry = (path: string): SimLogEntry => ({ at: '', method: 'GET', path, status: 200, requestId: path });

describe('RequestLog', () => {
  it('forgets a request that arrived before clear() even when its handling ends after it', () => {
    const log = new RequestLog();
    const held = log.arrived(); // e.g. held back by an injected latency
    log.clear();
    const later = log.arrived();
    log.add(entry('/later'), later);
    log.add(entry('/held'), held);
    expect(log.list().map((e) => e.path)).toEqual(['/later']);
  });

  it('keeps the requests of the current generation in the order they ended', () => {
    const log = new RequestLog();
    const a = log.arrived();
    const b = log.arrived();
    log.add(entry('/b'), b);
    log.add(entry('/a'), a);
    expect(log.list().map((e) => e.path)).toEqual(['/b', '/a']);
  });
});
