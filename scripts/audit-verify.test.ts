import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { appendAuditEvent } from '@/lib/audit/append';
import { toJsonLine } from '@/lib/audit/chain';
import { streamAuditEvents } from '@/lib/audit/read';
import { createDb, type Db } from '@/lib/db/connect';
import { migrateToLatest } from '@/lib/db/migrate';
import { transaction } from '@/lib/db/transaction';

import { runTsFile } from '../testing/runner/run-ts';
import { createTestDatabase, stopOwnPostgres, TEST_ENGINES, type TestDatabase } from '../testing/db/test-databases';

afterAll(stopOwnPostgres);

describe.each(TEST_ENGINES)('npm run audit:verify on %s', (engine) => {
  let testDb: TestDatabase;
  let db: Db;
  let head: string;
  // The script's own configuration: DATABASE_URL empty means the SQLite file under DATA_DIR.
  const verify = (args: string[] = []) =>
    runTsFile('scripts/audit-verify.ts', args, { DATABASE_URL: testDb.databaseUrl ?? '', DATA_DIR: testDb.dataDir });

  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
    db = createDb(testDb);
    await migrateToLatest(db);
    for (const kind of ['sign_in', 'change_proposed', 'change_sent', 'change_completed'] as const) {
      const event = await transaction(db, (tx) =>
        appendAuditEvent(tx, { kind, changeId: 'c1', after: { url: 'https://new.example/cb' } }),
      );
      head = event.hash;
    }
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it('accepts the database and its JSONL export, printing count and head hash', async () => {
    const fromDb = await verify();
    expect(fromDb.code, fromDb.stderr).toBe(0);
    expect(fromDb.stdout).toContain(`4 events, head hash ${head}`);

    const file = path.join(testDb.dataDir, 'export.jsonl');
    const lines: string[] = [];
    for await (const event of streamAuditEvents(db)) lines.push(toJsonLine(event));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const fromFile = await verify(['--file', file]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain(`4 events, head hash ${head}`);

    writeFileSync(
      file,
      `${lines.map((l, i) => (i === 2 ? l.replace('change_sent', 'change_failed') : l)).join('\n')}\n`,
    );
    const tamperedFile = await verify(['--file', file]);
    expect(tamperedFile.code).toBe(1);
    expect(tamperedFile.stderr).toContain('at seq 3');
  }, 60_000);

  it('names the first broken seq when a row was changed behind the trigger', async () => {
    await sql
      .raw(
        engine === 'postgres'
          ? 'drop trigger audit_events_no_update_delete on audit_events'
          : 'drop trigger audit_events_no_update',
      )
      .execute(db.kysely);
    await db.kysely.updateTable('audit_events').set({ at: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 2).execute();
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/BROKEN .* at seq 2: hash does not match/);
  }, 60_000);
});
