import 'server-only';

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';

import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

import { logger } from '@/lib/log/logger';

import { withStatementCache } from './statement-cache';
import type { Database } from './tables';

export type DbEngine = 'sqlite' | 'postgres';

interface OpenDb {
  readonly kysely: Kysely<Database>;
  /** For messages: the SQLite file, or the PostgreSQL host and database (never the password). */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * An open database: the Kysely instance, which engine it runs on, and how to close it; plus the engine's own handle
 * for the few libraries that take one (the rate limiter's store): the SQLite file, or the PostgreSQL pool.
 */
export type Db =
  | (OpenDb & { readonly engine: 'sqlite'; readonly file: string })
  | (OpenDb & { readonly engine: 'postgres'; readonly pool: pg.Pool });

export interface CreateDbOptions {
  /** A `postgres://` or `postgresql://` URL; unset opens the embedded SQLite file. */
  databaseUrl?: string;
  /** Folder of the SQLite file `console.db` (made when missing). Ignored with a databaseUrl. */
  dataDir: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export const SQLITE_FILE_NAME = 'console.db';
/** How long a SQLite writer waits for another process's write transaction before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Opens a database; nothing connects until the first query. Migrations are not applied here (lib/db/migrate.ts). */
export function createDb(options: CreateDbOptions): Db {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openSqlite(options.dataDir);
}

/** The folder and files of the embedded database hold sessions and the audit trail: the console's user only. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes the folder (0700) and the database file (0600) before SQLite does, since SQLite creates its file with the
 * process umask (0644 by default: readable by every local user). SQLite gives the `-wal` and `-shm` files the main
 * file's mode. A folder or files left readable by an older version are tightened when they are the console's own;
 * a folder someone else owns (a mounted volume) is left alone, with a warning.
 */
function makePrivate(file: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  const dirStat = statSync(dir);
  if ((dirStat.mode & 0o077) !== 0) {
    if (dirStat.uid === process.getuid?.()) chmodSync(dir, PRIVATE_DIR);
    else logger.warn({ dir }, 'the database folder is readable by other users and not ours to change');
  }
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, PRIVATE_FILE);
  }
}

/** One connection to the SQLite file, set up as every connection to it must be (the file private first). */
export function openSqliteConnection(file: string): SqliteDatabase.Database {
  makePrivate(file);
  const db = new SqliteDatabase(file);
  // WAL: readers never block the writer. FULL: a committed audit event survives a power cut, not only a crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  return db;
}

function openSqlite(dataDir: string): Db {
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: () => Promise.resolve(withStatementCache(openSqliteConnection(file))),
    }),
  });
  return { engine: 'sqlite', kysely, file, location: file, close: () => kysely.destroy() };
}

const { types } = pg;
const defaultTimestamptz = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;

/**
 * Per-pool type parsers (the global ones stay untouched): bigint (seq, count(*)) as a number, safe far beyond any
 * event count, and timestamptz as the same ISO string SQLite returns, so callers see one shape on both engines.
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (oid === types.builtins.INT8) return (text: string) => Number(text);
    if (oid === types.builtins.TIMESTAMPTZ) return (text: string) => defaultTimestamptz(text).toISOString();
    return types.getTypeParser(oid, format) as unknown;
  },
};

function openPostgres(databaseUrl: string, max: number): Db {
  const url = new URL(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max, types: pgTypes });
  // An idle connection the server ends (a restart, a failover, a dropped database) is reported here; without a
  // listener the error would crash the process. The pool has already discarded it; the next query connects afresh.
  pool.on('error', (err) => logger.warn({ err, database: `${url.host}${url.pathname}` }, 'database connection lost'));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    kysely,
    pool,
    location: `${url.host}${url.pathname}`,
    close: () => kysely.destroy(),
  };
}
