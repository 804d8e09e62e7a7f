import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

import { runTsFile } from '@/testing/runner/run-ts';
import { stopOwnPostgres, TEST_ENGINES, type TestDatabase } from '@/testing/db/test-databases';
import { type Db } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';
import { freshDbForEachTest } from '@/testing/db/fresh-db';

import { appendAuditEvent, type AppendAuditEventInput } from './append';
import { GENESIS_HASH, toJsonLine, verifyChain } from './chain';
import { streamAuditEvents, verifyDatabaseChain } from './read';

afterAll(stopOwnPostgres);

const alice = { iss: 'https://idp.example', sub: 'alice', email: 'alice@example.com', name: 'Alice', role: 'admin' };

const append = (db: Db, input: AppendAuditEventInput) => transaction(db, (tx) => appendAuditEvent(tx, input));

async function appendSome(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await append(db, {
      kind: i === 0 ? 'change_proposed' : 'change_status',
      actor: i === 0 ? alice : null,
      changeId: 'c1',
      cosignerId: 'cos-1',
      apiKeyId: 'key-1',
      before: { url: 'https://old.example/cb', fingerprint: 'ab'.repeat(32) },
      after: { url: 'https://new.example/cb', fingerprint: 'cd'.repeat(32) },
      detail: { n: i, note: 'naïve ✓ "quoted"' },
    });
  }
}

describe.each(TEST_ENGINES)('audit trail on %s', (engine) => {
  let location: TestDatabase;
  let db: Db;
  freshDbForEachTest(engine, (fresh) => ({ db, location } = fresh));

  it('chains events from the genesis hash, with every key present', async () => {
    const first = await append(db, { kind: 'sign_in', actor: alice, requestId: 'req-1' });
    const second = await append(db, { kind: 'sign_out', actor: alice });
    expect(first).toMatchObject({
      seq: 1,
      prevHash: GENESIS_HASH,
      kind: 'sign_in',
      changeId: null,
      before: null,
      detail: null,
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    const row = await db.kysely.selectFrom('audit_events').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
    expect(row.actor_sub).toBe('alice');
    expect(await verifyDatabaseChain(db)).toEqual({ ok: true, count: 2, headHash: second.hash });
  });

  it('refuses an event holding PEM text, leaving the chain as it was', async () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n';
    await appendSome(db, 1);
    await expect(
      append(db, { kind: 'change_proposed', after: { url: 'https://new.example/cb', publicKey: pem } }),
    ).rejects.toThrow(/contains PEM text/);
    await expect(
      append(db, { kind: 'change_failed', detail: { note: pem.replace('PUBLIC', 'RSA PRIVATE') } }),
    ).rejects.toThrow(/contains PEM text/);
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true, count: 1 });
  });

  it('refuses UPDATE and DELETE of an event', async () => {
    await appendSome(db, 2);
    await expect(
      db.kysely.updateTable('audit_events').set({ kind: 'sign_in' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.kysely.deleteFrom('audit_events').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    if (engine === 'postgres')
      await expect(sql`truncate audit_events`.execute(db.kysely)).rejects.toThrow(/append-only/);
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true, count: 2 });
  });

  it('keeps one chain when five processes append at once', async () => {
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((worker) =>
        runTsFile('testing/db/audit-append-worker.ts', [
          JSON.stringify({
            databaseUrl: location.databaseUrl,
            dataDir: location.dataDir,
            count: 10,
            worker,
          }),
        ]),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const seqs = (await db.kysely.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: true, count: 50 });
  }, 120_000);

  it('names the first tampered event, from its columns', async () => {
    await appendSome(db, 5);
    // Someone with the database's owner rights can drop the trigger; the chain still tells.
    if (engine === 'postgres') await sql`drop trigger audit_events_no_update_delete on audit_events`.execute(db.kysely);
    else await sql`drop trigger audit_events_no_update`.execute(db.kysely);
    await db.kysely
      .updateTable('audit_events')
      .set({ after: JSON.stringify({ url: 'https://evil.example/cb' }) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyDatabaseChain(db)).toMatchObject({ ok: false, brokenSeq: 3, count: 2 });
    await db.kysely
      .updateTable('audit_events')
      .set({ actor_sub: 'mallory', detail: 'not json' })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyDatabaseChain(db)).toMatchObject({
      ok: false,
      brokenSeq: 2,
      reason: expect.stringMatching(/not a valid event/) as unknown,
    });
  });

  it('exports JSONL lines that verify offline, and a changed line does not', async () => {
    await appendSome(db, 4);
    const lines: string[] = [];
    for await (const event of streamAuditEvents(db, 3)) lines.push(toJsonLine(event));
    expect(lines).toHaveLength(4);
    const head = await verifyDatabaseChain(db);
    expect(await verifyChain(lines.map((l) => JSON.parse(l) as unknown))).toEqual(head);
    const tampered = lines.map((l, i) => (i === 1 ? l.replace('new.example', 'evil.example') : l));
    expect(await verifyChain(tampered.map((l) => JSON.parse(l) as unknown))).toMatchObject({ ok: false, brokenSeq: 2 });
    expect(await verifyChain(lines.slice(1).map((l) => JSON.parse(l) as unknown))).toMatchObject({
      ok: false,
      brokenSeq: 1,
    });
  });
});
