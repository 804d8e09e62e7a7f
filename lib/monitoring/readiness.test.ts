import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { closeDb, getDb, migrateToLatest } from '@/lib/db';

import { isReady } from './readiness';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cosigner-ready-test-'));

beforeAll(() => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  for (const [k, v] of Object.entries({
    FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
    FIREBLOCKS_API_KEY: 'k',
    FIREBLOCKS_SECRET_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_CLIENT_ID: 'c',
    OIDC_CLIENT_SECRET: 's',
    SESSION_SECRET: 'a-test-session-secret-of-at-least-32-chars',
    APP_URL: 'http://localhost:3999',
    DATA_DIR: dataDir,
  }))
    vi.stubEnv(k, v);
});
afterAll(async () => {
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('readiness', () => {
  it('is ready only when the database holds exactly the migrations this code knows', async () => {
    expect(await isReady()).toBe(false);
    await migrateToLatest(getDb());
    expect(await isReady()).toBe(true);
    await sql`insert into kysely_migration (name, timestamp) values ('0099_from_the_future', ${new Date().toISOString()})`.execute(
      getDb().kysely,
    );
    expect(await isReady()).toBe(false);
  });
});
