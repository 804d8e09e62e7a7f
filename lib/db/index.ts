import 'server-only';

import { getDatabaseConfig } from '@/lib/config/env';

import { createDb, type Db } from './connect';

export { createDb, type Db } from './connect';
export { migrateToLatest } from './migrate';
export { transaction, type Tx } from './transaction';
export * from './tables';

let current: Db | undefined;

/** The process-wide database from DATABASE_URL / DATA_DIR, opened on first use. */
export function getDb(): Db {
  current ??= createDb(getDatabaseConfig());
  return current;
}

/** Closes the process-wide database (tests, scripts); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const db = current;
  current = undefined;
  await db?.close();
}
