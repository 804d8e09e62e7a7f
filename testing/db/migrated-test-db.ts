import { createDb, type Db } from '@/lib/db/connect';
import { migrateToLatest } from '@/lib/db/migrate';

import { createTestDatabase, type TestDatabase, type TestEngine } from './test-databases';

/** A fresh database of one test, opened and migrated; `close()` closes and drops it. */
export interface MigratedTestDb {
  db: Db;
  /** Where it is (for a process of its own to open the same database). */
  location: TestDatabase;
  close(): Promise<void>;
}

/** The store suites' per-test database, on either engine (the test command's PostgreSQL, or one of their own). */
export async function openMigratedTestDb(engine: TestEngine): Promise<MigratedTestDb> {
  const location = await createTestDatabase(engine);
  const db = createDb(location);
  await migrateToLatest(db);
  return {
    db,
    location,
    close: async () => {
      await db.close();
      await location.drop();
    },
  };
}
