import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { startPostgres, type TestPostgres } from '../runner/postgres';

/** The store suite runs every case on both engines. */
export const TEST_ENGINES = ['sqlite', 'postgres'] as const;
export type TestEngine = (typeof TEST_ENGINES)[number];

/** Where a fresh test database is: what createDb() and the scripts' DATABASE_URL / DATA_DIR take. */
export interface TestDatabase {
  databaseUrl?: string;
  dataDir: string;
  /** Drops the database or deletes the folder. */
  drop(): Promise<void>;
}

let ownCluster: Promise<TestPostgres> | undefined;

/**
 * The PostgreSQL server to make test databases on: the test command's (TEST_DATABASE_URL), or, when a store test
 * file runs alone, a cluster of this test process's own, started on first use (stop it with stopOwnPostgres).
 */
async function serverUrl(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  ownCluster ??= startPostgres();
  return (await ownCluster).url;
}

/** An empty database of its own for one test: a new PostgreSQL database with a random name, or a new SQLite folder. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cosigner-db-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'sqlite') return { dataDir, drop: () => Promise.resolve(removeDir()) };
  const server = new URL(await serverUrl());
  const name = `test_${randomBytes(8).toString('hex')}`;
  await withAdmin(server, (c) => c.query(`create database ${name}`));
  const databaseUrl = new URL(server);
  databaseUrl.pathname = `/${name}`;
  return {
    databaseUrl: databaseUrl.toString(),
    dataDir,
    drop: async () => {
      removeDir();
      await withAdmin(server, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin(server: URL, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** Stops the cluster this process started, if it started one (call in afterAll). */
export async function stopOwnPostgres(): Promise<void> {
  const cluster = ownCluster;
  ownCluster = undefined;
  if (cluster) await (await cluster).stop();
}
