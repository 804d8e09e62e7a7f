import type { Migration } from 'kysely';

import type { DbEngine } from '../connect';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-rate-limits';
import * as m0003 from './0003-audit-chain-head';
import * as m0004 from './0004-session-login-state';
import * as m0005 from './0005-worker';
import * as m0006 from './0006-people';
import * as m0007 from './0007-change-preflight';

interface MigrationModule {
  up(db: Parameters<Migration['up']>[0], engine: DbEngine): Promise<void>;
}

/**
 * Every migration, by name, in order. Listed in code, not found by scanning a folder, so the Next bundle carries
 * them. Add a migration by adding a module and a line; never edit or rename a released one.
 */
const modules: Record<string, MigrationModule> = {
  '0001_initial': m0001,
  '0002_rate_limits': m0002,
  '0003_audit_chain_head': m0003,
  '0004_session_login_state': m0004,
  '0005_worker': m0005,
  '0006_people': m0006,
  '0007_change_preflight': m0007,
};

/** The migrations for Kysely's Migrator; each learns the engine, since SQLite and PostgreSQL DDL differ. */
export function migrationsFor(engine: DbEngine): Record<string, Migration> {
  return Object.fromEntries(Object.entries(modules).map(([name, m]) => [name, { up: (db) => m.up(db, engine) }]));
}
