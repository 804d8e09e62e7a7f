import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createDb } from '@/lib/db/connect';

import { runTsFile } from '../testing/runner/run-ts';
import { createTestDatabase, stopOwnPostgres, TEST_ENGINES, type TestDatabase } from '../testing/db/test-databases';

afterAll(stopOwnPostgres);

describe.each(TEST_ENGINES)('npm run db:migrate on %s', (engine) => {
  let testDb: TestDatabase;
  const migrate = () =>
    runTsFile('scripts/db-migrate.ts', [], { DATABASE_URL: testDb.databaseUrl ?? '', DATA_DIR: testDb.dataDir });

  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterEach(() => testDb.drop());

  it('migrates, then finds nothing to do, then refuses a database a newer version migrated', async () => {
    const first = await migrate();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('applied 0001_initial');
    const again = await migrate();
    expect(again.stdout).toContain('up to date');

    const db = createDb(testDb);
    await sql`insert into kysely_migration (name, timestamp) values ('0042_newer', ${new Date().toISOString()})`.execute(
      db.kysely,
    );
    await db.close();
    const refused = await migrate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('migrations this version does not know (0042_newer)');
  }, 60_000);
});
