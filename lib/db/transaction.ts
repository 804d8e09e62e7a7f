import 'server-only';

import { sql, type Kysely } from 'kysely';

import type { Db, DbEngine } from './connect';
import type { Database } from './tables';

declare const txBrand: unique symbol;

/**
 * A write transaction in progress. Query with `tx.kysely`; pass `tx` to helpers that must commit with the caller's
 * writes (appendAuditEvent). Only transaction() makes one, so such a helper cannot be called outside a transaction.
 */
export interface Tx {
  readonly engine: DbEngine;
  readonly kysely: Kysely<Database>;
  readonly [txBrand]: true;
}

const asTx = (engine: DbEngine, kysely: Kysely<Database>) => ({ engine, kysely }) as Tx;

/**
 * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws.
 *
 * On SQLite it starts with BEGIN IMMEDIATE (Kysely's own transactions are DEFERRED): the write lock is taken at
 * the start, so two processes cannot both read the audit chain's head and then race to append, and a writer waits
 * (busy_timeout) instead of failing when it upgrades a read lock. On PostgreSQL it is an ordinary READ COMMITTED
 * transaction; appendAuditEvent serialises chain appends with an advisory lock.
 *
 * Inside `fn`, query only through `tx.kysely`: on SQLite the one connection is held for the whole transaction, so
 * a query through the outer Kysely would wait for it forever. Transactions do not nest.
 */
export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (db.engine === 'postgres') return db.kysely.transaction().execute((trx) => fn(asTx('postgres', trx)));
  return db.kysely.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(asTx('sqlite', conn));
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      // SQLite has already rolled back after some errors (disk full, interrupt): then there is nothing to undo,
      // and the caller needs the original error, not "no transaction is active".
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
