import 'server-only';

import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept compiled per connection (the app's queries are a few dozen shapes). */
const MAX_STATEMENTS = 256;

/**
 * Kysely's SQLite driver calls prepare() for every query, and better-sqlite3 compiles the SQL each time: ~0.1 ms
 * for a change's insert, a dozen statements per PATCH, and the session read on every request. This hands the
 * compiled statement for the same SQL text back instead (parameters are bound per call, so reuse is exact).
 * A statement still being iterated (a streamed read) is busy and cannot run twice at once: a fresh one is compiled
 * for that call. Least recently used texts go first beyond MAX_STATEMENTS.
 */
export function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const compiled = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      const cached = compiled.get(sql);
      if (cached?.busy) return db.prepare(sql);
      const statement = cached ?? db.prepare(sql);
      // Re-inserted so that the Map's order is least recently used first.
      compiled.delete(sql);
      compiled.set(sql, statement);
      if (compiled.size > MAX_STATEMENTS) compiled.delete(compiled.keys().next().value ?? '');
      return statement;
    },
  };
}
