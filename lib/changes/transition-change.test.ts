import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { AUDIT_EVENT_KINDS } from '@/lib/audit/audit-event-schema';
import { ALLOWED_MOVES } from '@/lib/change-model/states';
import type { Db } from '@/lib/db/connect';
import { insertChange } from '@/lib/db/insert-change';
import type { NewChangeRow } from '@/lib/db/tables';
import { transaction } from '@/lib/db/transaction';
import { freshDbForEachTest } from '@/testing/db/fresh-db';
import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';

import { readChange, transitionChange } from './transition-change';

afterAll(stopOwnPostgres);

const newChange = (over: Partial<NewChangeRow> = {}): NewChangeRow => ({
  id: randomUUID(),
  cosigner_id: 'cosigner-1',
  api_key_id: 'key-1',
  state: 'completed',
  proposer: JSON.stringify({
    iss: 'https://idp',
    sub: 'alice',
    email: 'alice@example.com',
    name: 'Alice',
    role: 'admin',
  }),
  proposer_sub: 'alice',
  before_handler: '{}',
  after_handler: '{}',
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
  ...over,
});

describe('the table of allowed moves', () => {
  it('records every move with an audit event kind', () => {
    const kinds: readonly string[] = AUDIT_EVENT_KINDS;
    for (const move of ALLOWED_MOVES) expect(kinds, `${move.from} -> ${move.to}`).toContain(move.event);
  });

  it('is quoted whole by docs/data.md', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../docs/data.md'), 'utf8');
    const rows = new Set(doc.split('\n').map((line) => line.replace(/\s*\|\s*/g, '|')));
    for (const m of ALLOWED_MOVES) {
      const row = `|${m.from === null ? '(proposal)' : `\`${m.from}\``}|\`${m.to}\`|${m.by}|\`${m.event}\`|`;
      expect(
        [...rows].some((line) => line.startsWith(row)),
        row,
      ).toBe(true);
    }
  });
});

describe.each(TEST_ENGINES)('transitionChange on %s', (engine) => {
  let db: Db;
  freshDbForEachTest(engine, (fresh) => {
    db = fresh.db;
  });

  it('stores every column of a change where it belongs, and moves it with the columns given', async () => {
    // insertChange and transitionChange are SQL text (docs/data.md): no compiler checks their column lists, so
    // every column gets a value of its own here, read back through the builder.
    const at = (minute: number) => `2026-11-30T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const full: NewChangeRow = {
      id: randomUUID(),
      cosigner_id: 'cosigner-9',
      api_key_id: 'key-9',
      state: 'sending',
      proposer: '{"sub":"alice"}',
      proposer_sub: 'alice',
      approver: null,
      approver_sub: null,
      reason: 'rotate the callback',
      before_handler: '{"url":"https://before.example"}',
      after_handler: '{"url":"https://after.example"}',
      fireblocks_request_id: null,
      fireblocks_x_request_id: 'x-request-1',
      last_fireblocks_status: 'PENDING',
      decided_reason: 'not yet',
      created_at: at(1),
      updated_at: at(2),
      expires_at: at(3),
      closed_at: null,
      preflight: '{"verdict":"warn"}',
    };
    const inserted = await transaction(db, (tx) => insertChange(tx, full));
    const read = () => db.kysely.selectFrom('changes').selectAll().where('id', '=', full.id).executeTakeFirstOrThrow();
    expect(await read()).toEqual({ ...full, version: 1 });
    expect(inserted).toEqual(await read());

    const moved = await transitionChange(db, inserted, {
      from: ['sending'],
      to: 'sent',
      set: {
        approver: '{"sub":"bob"}',
        approver_sub: 'bob',
        fireblocks_request_id: 'async-1',
        preflight: '{"verdict":"pass"}',
      },
      event: { kind: 'change_sent', actor: null },
    });
    expect(moved).toEqual(await read());
    // Moved forward in time by the transition; every other column as given.
    expect(moved!.updated_at > full.updated_at).toBe(true);
    expect(moved).toEqual({
      ...full,
      state: 'sent',
      approver: '{"sub":"bob"}',
      approver_sub: 'bob',
      fireblocks_request_id: 'async-1',
      preflight: '{"verdict":"pass"}',
      updated_at: moved!.updated_at,
      closed_at: null,
      version: 2,
    });
  });

  it('refuses a move that is not in the table, and writes nothing', async () => {
    const sent = await transaction(db, (tx) => insertChange(tx, newChange({ state: 'sent' })));
    const events = () => db.kysely.selectFrom('audit_events').selectAll().execute();
    // A change that reached Fireblocks is never sent again, nor approved by anyone.
    await expect(
      transitionChange(db, sent, { from: ['sent'], to: 'sending', event: { kind: 'change_approved', actor: null } }),
    ).rejects.toThrow('not an allowed move of a change: sent -> sending by console (change_approved)');
    // An allowed pair of states, but by the wrong person: only the proposer withdraws.
    const awaiting = await transaction(db, (tx) =>
      insertChange(tx, newChange({ api_key_id: 'key-2', state: 'awaiting_approval' })),
    );
    const bob = { iss: 'https://idp', sub: 'bob', email: 'bob@example.com', name: 'Bob', role: 'admin' as const };
    await expect(
      transitionChange(db, awaiting, {
        from: ['awaiting_approval'],
        to: 'withdrawn',
        event: { kind: 'change_withdrawn', actor: bob },
      }),
    ).rejects.toThrow('awaiting_approval -> withdrawn by another_admin (change_withdrawn)');
    expect(await readChange(db, sent.id)).toEqual(sent);
    expect(await readChange(db, awaiting.id)).toEqual(awaiting);
    expect(await events()).toEqual([]);
  });
});
