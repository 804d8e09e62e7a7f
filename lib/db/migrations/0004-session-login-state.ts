import type { Kysely } from 'kysely';

import type { DbEngine } from '../connect';

/**
 * A sign-in's login state (the sealed cookie between /auth/login and /auth/callback) is good for one session: the
 * session row keeps the SHA-256 of the state it was made from, unique, so a second callback with the same cookie
 * (another code the IdP gave for the same state, on any replica) is refused. Null for rows made before.
 */
export async function up(db: Kysely<unknown>, _engine: DbEngine): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('login_state_hash', 'text').execute();
  await db.schema.createIndex('sessions_login_state_hash').unique().on('sessions').column('login_state_hash').execute();
}
