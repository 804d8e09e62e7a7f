import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { seededKey } from './seed-keys';

const E2E_DIR = path.resolve(import.meta.dirname, '../../e2e');
const CALL = /seededKey\('(\w+)', (\d+)\)/g;

describe('seeded keys of the journeys', () => {
  it('each key is taken by one journey only: one that changes it never trips another that reads or changes it', () => {
    const takenBy = new Map<string, Set<string>>();
    for (const file of readdirSync(E2E_DIR).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(E2E_DIR, file), 'utf8');
      // A computed index (`3 + i`) is not read here; keep such a range clear of the literal ones by hand.
      for (const [, kind, n] of source.matchAll(CALL)) {
        const key = `${kind} ${n}`;
        takenBy.set(key, (takenBy.get(key) ?? new Set()).add(file));
        expect(() => seededKey(kind as 'publicKey' | 'cert', Number(n)), `${file}: ${key}`).not.toThrow();
      }
    }
    const shared = [...takenBy]
      .filter(([, files]) => files.size > 1)
      .map(([key, files]) => `${key}: ${[...files].join(', ')}`);
    expect(shared).toEqual([]);
    expect(takenBy.size).toBeGreaterThan(10);
  });
});
