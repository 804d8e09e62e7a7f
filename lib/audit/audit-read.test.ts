import { afterAll, describe, expect, it } from 'vitest';

import { stopOwnPostgres, TEST_ENGINES } from '@/testing/db/test-databases';
import { type Db } from '@/lib/db/connect';
import { transaction } from '@/lib/db/transaction';
import { AppError } from '@/lib/errors/app-error';
import { freshDbForEachTest } from '@/testing/db/fresh-db';

import { appendAuditEvent, type AppendAuditEventInput } from './append';
import { auditExportQuerySchema, auditPageQuerySchema, type AuditFilter } from './audit-api-schemas';
import { decodeAuditCursor, encodeAuditCursor, readAuditPage } from './audit-page';
import { verifyChain } from './chain';
import { exportAuditEvents } from './export';
import { listAuditEvents, streamAuditEvents } from './read';

afterAll(stopOwnPostgres);

const actor = (sub: string) => ({
  iss: 'https://idp.example',
  sub,
  email: `${sub}@example.com`,
  name: sub === 'bob' ? 'Bob Builder' : sub,
  role: 'admin',
});

/** Two cosigners as the workspace's index names them (ids that share no beginning with each other). */
const COSIGNERS = [
  { id: 'c0ffee00-1111-4111-8111-000000000001', name: 'Treasury SGX' },
  { id: 'beef0000-2222-4222-8222-000000000002', name: 'Payments Nitro' },
];
/** The cosigner directory of these tests: the names above, looked up as lib/search/cosigner-names.ts does. */
const cosignerIdsNamed = (text: string) =>
  Promise.resolve(COSIGNERS.filter((c) => c.name.toLowerCase().includes(text.toLowerCase())).map((c) => c.id));

/** 30 events: kinds, actors, ids and times spread so every filter matches a known subset. */
function fixture(i: number): AppendAuditEventInput {
  return {
    kind: i % 3 === 0 ? 'sign_in' : 'change_status',
    actor: i % 2 === 0 ? actor('alice') : i % 5 === 0 ? null : actor('bob'),
    cosignerId: i % 3 === 0 ? null : (COSIGNERS[i % 4 === 0 ? 1 : 0]?.id ?? null),
    apiKeyId: i % 3 === 0 ? null : i % 2 === 0 ? 'key-a' : 'key-b',
    changeId: i % 3 === 0 ? null : `chg${i % 7}-0000-4000-8000-00000000000${i % 7}`,
    requestId: `req-${String(i).padStart(3, '0')}`,
    fireblocksAsyncRequestId: i % 10 === 0 ? `FB_ASYNC-${i}` : null,
    // One event a minute from 10:00, in the order they are appended.
    at: new Date(Date.UTC(2026, 10, 30, 10, i)).toISOString(),
    detail: { i },
  };
}
const N = 30;
const inputs = Array.from({ length: N }, (_, i) => fixture(i + 1));

const startsWith = (value: string | null | undefined, prefix: string | undefined) =>
  !prefix || (value ?? '').toLowerCase().startsWith(prefix.toLowerCase());

/** The seqs the filter should match, newest first, computed from the fixture rather than the database. */
function expectedSeqs(f: AuditFilter): number[] {
  const person = (e: AppendAuditEventInput) =>
    [e.actor?.sub, e.actor?.email, e.actor?.name].map((v) => v?.toLowerCase());
  const namedIds = COSIGNERS.filter((c) => f.cosigner && c.name.toLowerCase().includes(f.cosigner.toLowerCase()));
  return inputs
    .map((e, i) => ({ e, seq: i + 1 }))
    .filter(({ e }) => (!f.kind || e.kind === f.kind) && (!f.actor || person(e).includes(f.actor.toLowerCase())))
    .filter(
      ({ e }) => !f.cosigner || startsWith(e.cosignerId, f.cosigner) || namedIds.some((c) => c.id === e.cosignerId),
    )
    .filter(
      ({ e }) =>
        (!f.cosignerId || (e.cosignerId && startsWith(e.cosignerId, f.cosignerId))) &&
        (!f.apiKeyId || (e.apiKeyId && startsWith(e.apiKeyId, f.apiKeyId))),
    )
    .filter(({ e }) => !f.changeId || (e.changeId && startsWith(e.changeId, f.changeId)))
    .filter(
      ({ e }) =>
        !f.requestId ||
        [e.requestId, e.fireblocksRequestId, e.fireblocksAsyncRequestId].some((v) => v && startsWith(v, f.requestId)),
    )
    .filter(({ e }) => (!f.from || e.at! >= f.from) && (!f.to || e.at! < f.to))
    .map(({ seq }) => seq)
    .reverse();
}

async function allPages(db: Db, filter: AuditFilter, pageSize: number): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await readAuditPage(db, { ...filter, pageSize, pageCursor: cursor }, cosignerIdsNamed);
    pages.push(page.data.map((e) => e.seq));
    cursor = page.next ?? undefined;
  } while (cursor);
  return pages;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each(TEST_ENGINES)('reading the audit trail on %s', (engine) => {
  let db: Db;
  freshDbForEachTest(engine, async (fresh) => {
    db = fresh.db;
    await transaction(db, async (tx) => {
      for (const input of inputs) await appendAuditEvent(tx, input);
    });
  });

  const filters: Array<[string, AuditFilter]> = [
    ['none', {}],
    ['kind', { kind: 'sign_in' }],
    ['actor by subject', { actor: 'bob' }],
    ['actor by email, in capitals', { actor: 'ALICE@EXAMPLE.COM' }],
    ['actor by name, in any case', { actor: 'bob builder' }],
    ['cosigner by its whole id', { cosignerId: COSIGNERS[0]!.id }],
    ['cosigner by the 8 characters the table shows', { cosignerId: 'C0FFEE00' }],
    ['cosigner and key', { cosignerId: 'c0ffee', apiKeyId: 'key-b' }],
    ['cosigner by a part of its name', { cosigner: 'payments' }],
    ['cosigner by the beginning of its id, typed where names go', { cosigner: 'c0ff' }],
    ['cosigner that nothing names', { cosigner: 'Nowhere Cosigner' }],
    ['change by its beginning', { changeId: 'chg3' }],
    ['request id: the console’s', { requestId: 'req-02' }],
    ['request id: Fireblocks’ async request', { requestId: 'fb_async' }],
    ['a LIKE wildcard is only a character', { apiKeyId: 'key_' }],
    ['time range', { from: '2026-11-30T10:05:00.000Z', to: '2026-11-30T10:12:00.000Z' }],
    ['all at once', { kind: 'change_status', actor: 'alice', apiKeyId: 'key-a', from: '2026-11-30T10:03:00.000Z' }],
    ['nothing matches', { actor: 'mallory' }],
  ];

  it.each(filters)('pages newest first by keyset with filter: %s', async (_, filter) => {
    const expected = expectedSeqs(filter);
    const pages = await allPages(db, filter, 4);
    expect(pages.flat()).toEqual(expected);
    // Every page but the last is full, and the last page says there is no next one.
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    expect(pages.at(-1)!.length).toBe(expected.length % 4 || Math.min(4, expected.length));
  });

  it('keeps a page where it was while events are appended', async () => {
    const first = await readAuditPage(db, { pageSize: 5 }, cosignerIdsNamed);
    await transaction(db, (tx) => appendAuditEvent(tx, { kind: 'sign_out', actor: actor('alice') }));
    const second = await readAuditPage(db, { pageSize: 5, pageCursor: first.next! }, cosignerIdsNamed);
    expect(second.data.map((e) => e.seq)).toEqual([25, 24, 23, 22, 21]);
    expect((await readAuditPage(db, { pageSize: 1 }, cosignerIdsNamed)).data[0]).toMatchObject({
      seq: 31,
      kind: 'sign_out',
    });
  });

  it('answers the full event, exactly as hashed', async () => {
    const [event] = (await listAuditEvents(db, {}, { limit: 1 })).events;
    expect(event).toMatchObject({ seq: N, kind: 'sign_in', detail: { i: N }, cosignerId: null, actor: actor('alice') });
    expect(await verifyChain([...(await streamToArray(db))])).toMatchObject({
      ok: true,
      count: N,
      headHash: event!.hash,
    });
  });

  it('streams a filtered walk in seq order, stopping at the head it was given', async () => {
    const seqs: number[] = [];
    for await (const e of streamAuditEvents(db, 3, { filter: { actor: 'alice' }, upToSeq: 20 })) seqs.push(e.seq);
    expect(seqs).toEqual(
      expectedSeqs({ actor: 'alice' })
        .reverse()
        .filter((s) => s <= 20),
    );
  });

  it('exports JSONL that verifies as the chain, and CSV with a header and one row per event', async () => {
    const jsonl = await exportAuditEvents(
      db,
      auditExportQuerySchema.parse({ format: 'jsonl' }),
      cosignerIdsNamed,
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(jsonl).toMatchObject({
      contentType: 'application/x-ndjson; charset=utf-8',
      fileName: 'audit-events-1-30-2026-12-01T00-00-00-000Z.jsonl',
    });
    const lines = (await text(jsonl.body)).split('\n');
    expect(lines.pop()).toBe('');
    expect(await verifyChain(lines.map((l) => JSON.parse(l) as unknown))).toMatchObject({ ok: true, count: N });

    const csv = await exportAuditEvents(
      db,
      auditExportQuerySchema.parse({ format: 'csv', kind: 'sign_in' }),
      cosignerIdsNamed,
    );
    expect(csv.fileName).toMatch(/^audit-events-filtered-.*\.csv$/);
    const rows = (await text(csv.body)).split('\r\n');
    expect(rows[0]).toBe(
      'seq,at,kind,actor_sub,actor_email,actor_name,actor_role,actor_iss,change_id,cosigner_id,api_key_id,request_id,fireblocks_request_id,fireblocks_async_request_id,before,after,detail,prev_hash,hash',
    );
    expect(rows.slice(1, -1).map((r) => Number(r.split(',')[0]))).toEqual(expectedSeqs({ kind: 'sign_in' }).reverse());

    // The export takes the same filters as the page, names resolved the same way.
    const named = await exportAuditEvents(
      db,
      auditExportQuerySchema.parse({ format: 'jsonl', cosigner: 'treasury', actor: 'Bob Builder' }),
      cosignerIdsNamed,
    );
    const namedSeqs = (await text(named.body))
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(namedSeqs).toEqual(expectedSeqs({ cosigner: 'treasury', actor: 'Bob Builder' }).reverse());
    expect(namedSeqs.length).toBeGreaterThan(0);
  });
});

async function streamToArray(db: Db) {
  const out = [];
  for await (const e of streamAuditEvents(db)) out.push(e);
  return out;
}

describe('the audit query', () => {
  it('takes URL parameters, empty ones as absent, and normalises times to UTC', () => {
    expect(
      auditPageQuerySchema.parse({ kind: '', actor: ' alice ', from: '2026-11-30T12:00:00+02:00', pageSize: '50' }),
    ).toEqual({
      actor: 'alice',
      from: '2026-11-30T10:00:00.000Z',
      pageSize: 50,
    });
    expect(auditPageQuerySchema.parse({})).toEqual({ pageSize: 25 });
  });

  it.each([
    [{ kind: 'sign_on' }, 'kind'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2026-11-30T10:00:00Z', to: '2026-11-30T09:00:00Z' }, 'to'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ cosignerId: 'a b' }, 'cosignerId'],
    [{ apiKeyId: 'Treasury SGX' }, 'apiKeyId'],
    [{ changeId: 'abc%' }, 'changeId'],
    [{ actor: 'alice\u202e' }, 'actor'],
    [{ cosigner: 'x'.repeat(201) }, 'cosigner'],
  ])('refuses %o, naming %s', (query, field) => {
    const result = auditPageQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('needs an export format', () => {
    expect(auditExportQuerySchema.safeParse({}).success).toBe(false);
    expect(auditExportQuerySchema.parse({ format: 'csv', actor: 'bob' })).toEqual({ format: 'csv', actor: 'bob' });
  });

  it('round-trips its own cursors and refuses any other', () => {
    expect(decodeAuditCursor(encodeAuditCursor(12345))).toBe(12345);
    for (const bad of [
      '',
      'abc',
      encodeAuditCursor(1).slice(1),
      Buffer.from('seq.0').toString('base64url'),
      Buffer.from('seq.1.5').toString('base64url'),
    ]) {
      expect(() => decodeAuditCursor(bad)).toThrow(AppError);
    }
  });
});
