import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createTestDatabase, stopOwnPostgres, TEST_ENGINES, type TestDatabase } from '@/testing/db/test-databases';

import { createDb, SQLITE_FILE_NAME, type Db } from './connect';
import { isCheckViolation, isUniqueViolation } from './constraint-errors';
import { ChangeOpenError, insertChange } from './insert-change';
import { getMigrationStatus, MigrationRefusedError, migrateToLatest } from './migrate';
import type { NewChangeRow } from './tables';
import { transaction } from './transaction';

afterAll(stopOwnPostgres);

const now = () => new Date().toISOString();
const newChange = (over: Partial<NewChangeRow> = {}): NewChangeRow => ({
  id: randomUUID(),
  cosigner_id: 'cosigner-1',
  api_key_id: 'key-1',
  state: 'sending',
  proposer: JSON.stringify({ iss: 'https://idp', sub: 'alice', email: null, name: 'Alice', role: 'admin' }),
  proposer_sub: 'alice',
  before_handler: '{}',
  after_handler: '{}',
  created_at: now(),
  updated_at: now(),
  ...over,
});

describe.each(TEST_ENGINES)('database on %s', (engine) => {
  let testDb: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
    db = createDb(testDb);
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  it('migrates an empty database to the full schema, once', async () => {
    expect(db.engine).toBe(engine);
    const all = [
      '0001_initial',
      '0002_rate_limits',
      '0003_audit_chain_head',
      '0004_session_login_state',
      '0005_worker',
      '0006_people',
      '0007_change_preflight',
    ];
    expect(await getMigrationStatus(db)).toEqual({ pending: all, unknown: [] });
    expect(await migrateToLatest(db)).toEqual({ applied: all });
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'sessions',
        'changes',
        'audit_events',
        'rate_limits',
        'worker_lease',
        'worker_jobs',
        'inbox_marks',
      ]),
    );
    expect(await migrateToLatest(db)).toEqual({ applied: [] });
    expect(await getMigrationStatus(db)).toEqual({ pending: [], unknown: [] });
  });

  it('refuses a database migrated by a newer version, naming the unknown migration', async () => {
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('0099_from_the_future', ${now()})`.execute(
      db.kysely,
    );
    const refusal = await migrateToLatest(db).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MigrationRefusedError);
    expect((refusal as MigrationRefusedError).unknownMigrations).toEqual(['0099_from_the_future']);
    expect((refusal as Error).message).toContain('0099_from_the_future');
  });

  describe('with the schema', () => {
    beforeEach(async () => {
      await migrateToLatest(db);
    });

    it('keeps at most one open change per key', async () => {
      const first = await transaction(db, (tx) => insertChange(tx, newChange()));
      expect(first.version).toBe(1);
      const second = await transaction(db, (tx) =>
        insertChange(tx, newChange({ state: 'awaiting_approval', proposer_sub: 'bob' })),
      ).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(ChangeOpenError);
      expect(second).toMatchObject({ cosignerId: 'cosigner-1', apiKeyId: 'key-1', openChangeId: first.id });
      // The index itself refuses a plain insert, recognised on this driver.
      const raw = await db.kysely
        .insertInto('changes')
        .values(newChange())
        .execute()
        .catch((e: unknown) => e);
      expect(isUniqueViolation(raw)).toBe(true);
      // Another key is free; a closed change frees its key.
      await transaction(db, (tx) => insertChange(tx, newChange({ api_key_id: 'key-2' })));
      await db.kysely
        .updateTable('changes')
        .set({ state: 'completed', closed_at: now() })
        .where('id', '=', first.id)
        .execute();
      await transaction(db, (tx) => insertChange(tx, newChange()));
      const open = await db.kysely
        .selectFrom('changes')
        .select('api_key_id')
        .where('state', '=', 'sending')
        .orderBy('api_key_id')
        .execute();
      expect(open.map((r) => r.api_key_id)).toEqual(['key-1', 'key-2']);
    });

    it('refuses an approval by the proposer, an unknown state and a reason over 500 characters', async () => {
      const change = await transaction(db, (tx) => insertChange(tx, newChange({ state: 'awaiting_approval' })));
      const byProposer = await db.kysely
        .updateTable('changes')
        .set({ approver_sub: 'alice' })
        .where('id', '=', change.id)
        .execute()
        .catch((e: unknown) => e);
      expect(isCheckViolation(byProposer)).toBe(true);
      await db.kysely.updateTable('changes').set({ approver_sub: 'bob' }).where('id', '=', change.id).execute();
      const badState = await db.kysely
        .updateTable('changes')
        .set({ state: 'lost' as never })
        .where('id', '=', change.id)
        .execute()
        .catch((e: unknown) => e);
      expect(isCheckViolation(badState)).toBe(true);
      const longReason = await db.kysely
        .insertInto('changes')
        .values(newChange({ api_key_id: 'key-3', reason: 'x'.repeat(501) }))
        .execute()
        .catch((e: unknown) => e);
      expect(isCheckViolation(longReason)).toBe(true);
      expect(isUniqueViolation(longReason)).toBe(false);
    });

    it('commits a transaction whole or not at all', async () => {
      const failed = await transaction(db, async (tx) => {
        await insertChange(tx, newChange());
        throw new Error('upstream refused');
      }).catch((e: unknown) => e);
      expect(failed).toEqual(new Error('upstream refused'));
      expect(await db.kysely.selectFrom('changes').selectAll().execute()).toEqual([]);
    });

    it('reads timestamps back as the ISO strings written', async () => {
      const at = '2026-11-30T03:21:11.123Z';
      await db.kysely
        .insertInto('sessions')
        .values({
          id_hash: 'a'.repeat(64),
          iss: 'https://idp',
          sub: 'alice',
          email: null,
          name: null,
          role: 'admin',
          auth_time: at,
          created_at: at,
          last_seen_at: at,
          expires_at: at,
          revoked_at: null,
        })
        .execute();
      const row = await db.kysely.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ auth_time: at, created_at: at, expires_at: at, revoked_at: null });
    });
  });
});

describe('the embedded SQLite file is private to the console', () => {
  const mode = (p: string) => statSync(p).mode & 0o777;
  const root = mkdtempSync(path.join(tmpdir(), 'cc-db-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates its folder 0700 and the file with its WAL and shared-memory files 0600, whatever the umask', async () => {
    const previous = process.umask(0o002);
    try {
      const dataDir = path.join(root, 'fresh', 'data');
      const db = createDb({ dataDir });
      await migrateToLatest(db);
      const file = path.join(dataDir, SQLITE_FILE_NAME);
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f).toString(8), f).toBe('600');
      await db.close();
    } finally {
      process.umask(previous);
    }
  });

  it('takes group and world access away from a file and folder an older version left readable', async () => {
    const dataDir = path.join(root, 'old');
    const db0 = createDb({ dataDir });
    await migrateToLatest(db0);
    await db0.close();
    const file = path.join(dataDir, SQLITE_FILE_NAME);
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    const db = createDb({ dataDir });
    await db.kysely.selectFrom('sessions').selectAll().execute();
    expect(mode(dataDir).toString(8)).toBe('700');
    expect(mode(file).toString(8)).toBe('600');
    expect(mode(`${file}-wal`).toString(8)).toBe('600');
    await db.close();
  });
});
