import { afterEach, beforeEach } from 'vitest';

import { openMigratedTestDb, type MigratedTestDb } from '@/testing/db/migrated-test-db';
import type { TestEngine } from '@/testing/db/test-databases';

/**
 * Inside a describe per engine: a fresh migrated database for every test, closed and dropped after it. `use` is
 * handed each one before its test runs (to keep it in the suite's own variables, or to fill it).
 */
export function freshDbForEachTest(engine: TestEngine, use: (fresh: MigratedTestDb) => unknown): void {
  let opened: MigratedTestDb | undefined;
  beforeEach(async () => {
    opened = await openMigratedTestDb(engine);
    await use(opened);
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
}
