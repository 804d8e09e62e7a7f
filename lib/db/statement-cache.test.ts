import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { withStatementCache } from './statement-cache';

let raw: Database.Database;
beforeEach(() => {
  raw = new Database(':memory:');
  raw.exec('create table t (n integer)');
  raw.exec('insert into t (n) values (1), (2), (3)');
});
afterEach(() => raw.close());

describe('withStatementCache', () => {
  it('hands back the compiled statement for the same SQL, bound afresh on each call', () => {
    const db = withStatementCache(raw);
    const first = db.prepare('select n from t where n >= ?');
    expect(db.prepare('select n from t where n >= ?')).toBe(first);
    expect(first.all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('select n from t where n >= ?').all([3])).toEqual([{ n: 3 }]);
    expect(db.prepare('select n from t where n <= ?')).not.toBe(first);
  });

  it('compiles a fresh statement while the cached one is being iterated', () => {
    const db = withStatementCache(raw);
    const sql = 'select n from t order by n';
    const iterating = db.prepare(sql).iterate([]);
    expect(iterating.next().value).toEqual({ n: 1 });
    // The streamed read is still open: the same SQL must run on another statement.
    expect(db.prepare(sql).all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...iterating]).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('keeps at most 256 texts, dropping the least recently used', () => {
    const db = withStatementCache(raw);
    const kept = db.prepare('select 0 as n');
    const early = db.prepare('select 1 as n');
    for (let i = 2; i < 257; i++) {
      db.prepare(`select ${i} as n`);
      db.prepare('select 0 as n');
    }
    expect(db.prepare('select 0 as n')).toBe(kept);
    expect(db.prepare('select 1 as n')).not.toBe(early);
  });

  it('closes the connection', () => {
    withStatementCache(raw).close();
    expect(raw.open).toBe(false);
  });
});
