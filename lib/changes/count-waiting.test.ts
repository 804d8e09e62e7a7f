import { randomUUID } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import type { Db } from '@/lib/db/connect';
import { insertChange } from '@/lib/db/insert-change';
import type { ChangeState } from '@/lib/change-model/states';
import { transaction } from '@/lib/db/transaction';
import { freshDbForEachTest } from '@/testing/db/fresh-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { countChangesWaitingFor } from './count-waiting';

// The header's "waiting for your approval" count, on a real database of either engine.
const NOW = new Date('2026-03-01T12:00:00.000Z');
const actor = (sub: string) => JSON.stringify({ iss: 'i', sub, email: `${sub}@example.com`, name: sub, role: 'admin' });

afterAll(() => stopOwnPostgres());

describe.each(TEST_ENGINES)('countChangesWaitingFor on %s', (engine) => {
  let db: Db;
  freshDbForEachTest(engine, (fresh) => ({ db } = fresh));

  const add = (proposer: string, state: ChangeState, expiresAt: string | null = null) =>
    transaction(db, (tx) =>
      insertChange(tx, {
        id: randomUUID(),
        cosigner_id: 'cos-1',
        api_key_id: randomUUID(),
        state,
        proposer: actor(proposer),
        proposer_sub: proposer,
        approver: null,
        approver_sub: null,
        reason: null,
        before_handler: 'null',
        after_handler: '{}',
        fireblocks_request_id: null,
        fireblocks_x_request_id: null,
        last_fireblocks_status: null,
        decided_reason: null,
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
        expires_at: expiresAt,
        closed_at: null,
      }),
    );

  it('counts others’ changes awaiting approval and not past their expiry; a viewer waits for none', async () => {
    await add('alice', 'awaiting_approval', '2026-03-02T12:00:00.000Z');
    await add('alice', 'awaiting_approval');
    await add('carol', 'awaiting_approval', '2026-03-01T13:00:00.000Z');
    await add('bob', 'awaiting_approval', '2026-03-02T12:00:00.000Z');
    // Past its expiry (not yet marked expired), and changes in other states: not waiting.
    await add('carol', 'awaiting_approval', '2026-03-01T11:59:59.000Z');
    await add('alice', 'sending');
    await add('carol', 'declined');

    expect(await countChangesWaitingFor(db, { sub: 'bob', role: 'admin' }, NOW)).toBe(3);
    expect(await countChangesWaitingFor(db, { sub: 'alice', role: 'admin' }, NOW)).toBe(2);
    expect(await countChangesWaitingFor(db, { sub: 'dave', role: 'admin' }, NOW)).toBe(4);
    expect(await countChangesWaitingFor(db, { sub: 'vera', role: 'viewer' }, NOW)).toBe(0);
    expect(await countChangesWaitingFor(db, { sub: 'nora', role: null }, NOW)).toBe(0);
  });
});
