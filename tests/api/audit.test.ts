import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppendAuditEventInput } from '@/lib/audit/append';
import type { AuditPageResponse } from '@/lib/audit/audit-api-schemas';
import { verifyChain } from '@/lib/audit/chain';
import { runTsFile } from '@/testing/runner/run-ts';

import { callApi } from '../../testing/app/api-client';
import { ALICE, NORA, sessionCookieHeader, VERA } from '../../testing/app/session-cookie';
import { startTestApp, type TestApp } from '../../testing/app/start-app';

// GET /api/audit and /api/audit/export against the running production app and its own database. Events are added
// with lib/audit's appendAuditEvent in a separate process (testing/db/audit-seed.ts), the code the app
// appends with; each run's events carry actors of its own, so other suites' events on a shared stack do not matter.
let app: TestApp;
let vera: string;
const run = randomUUID().slice(0, 8);
const subA = `audit-it-a-${run}`;
const subB = `audit-it-b-${run}`;
const cosignerId = `cos-${run}`;
/** B's name is what a spreadsheet would run as a formula; A's needs quoting. */
const FORMULA_NAME = '=HYPERLINK("https://evil.example","click")';
const actor = (sub: string) => ({
  iss: 'https://idp.example',
  sub,
  email: `${sub}@example.com`,
  name: sub === subB ? FORMULA_NAME : `Name, "${sub}"`,
  role: 'admin',
});
const tmp = mkdtempSync(path.join(tmpdir(), 'audit-it-'));

/** 12 events by A (kinds alternating, keys k0/k1) and 4 by B, one a second from a fixed time. */
const base = Date.UTC(2026, 10, 30, 8, 0, 0);
const inputs: AppendAuditEventInput[] = Array.from({ length: 16 }, (_, i) => ({
  kind: i % 2 === 0 ? 'change_proposed' : 'change_status',
  actor: actor(i < 12 ? subA : subB),
  cosignerId,
  apiKeyId: `k${i % 2}`,
  changeId: `change-${run}-${Math.floor(i / 4)}`,
  at: new Date(base + i * 1000).toISOString(),
  before: { url: 'https://old.example/cb', authMode: 'publicKey', fingerprint: 'ab'.repeat(32) },
  after: { url: 'https://new.example/cb?a=1,b=2', authMode: 'certificate', fingerprint: 'cd'.repeat(32) },
  detail: { i, reason: i === 3 ? '=HYPERLINK("https://evil.example")\nsecond line' : `reason ${i}` },
}));

async function seed(events: AppendAuditEventInput[]): Promise<number> {
  if (!app.dataDir)
    throw new Error('TEST_DATA_DIR is not set: the test runner must say where the app keeps its database');
  const out = await runTsFile('testing/db/audit-seed.ts', [JSON.stringify({ dataDir: app.dataDir, events })]);
  if (out.code !== 0) throw new Error(`audit-seed failed: ${out.stderr}`);
  return (JSON.parse(out.stdout) as { headSeq: number }).headSeq;
}

const get = (p: string, cookie = vera) => callApi(app.appUrl, 'GET', p, { cookie });
const page = async (p: string) => {
  const answer = await get(p);
  expect(answer.status, answer.text).toBe(200);
  return answer.json as AuditPageResponse;
};
const fieldsOf = (json: unknown) => (json as { error: { fields?: Record<string, string> } }).error.fields ?? {};

beforeAll(async () => {
  app = await startTestApp({ port: Number(process.env.AUDIT_API_PORT ?? 4304) });
  vera = await sessionCookieHeader(VERA, { appUrl: app.appUrl, secret: app.sessionSecret, dataDir: app.dataDir });
  await seed(inputs);
}, 600_000);
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await app?.close();
});

describe('GET /api/audit', () => {
  it('answers a viewer with the full events newest first, filtered by actor', async () => {
    const body = await page(`/api/audit?actor=${subA}&pageSize=100`);
    expect(body.next).toBeNull();
    expect(body.data.map((e) => (e.detail as { i: number }).i)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const seqs = body.data.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(body.data[0]).toMatchObject({
      kind: 'change_status',
      cosignerId,
      apiKeyId: 'k1',
      actor: actor(subA),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('combines kind, key and time range filters', async () => {
    const from = new Date(base + 4000).toISOString();
    const to = new Date(base + 14000).toISOString();
    const body = await page(
      `/api/audit?cosignerId=${cosignerId}&apiKeyId=k0&kind=change_proposed&from=${from}&to=${to}`,
    );
    expect(body.data.map((e) => (e.detail as { i: number }).i)).toEqual([12, 10, 8, 6, 4]);
    expect((await page(`/api/audit?actor=${subB}&kind=sign_in`)).data).toEqual([]);
  });

  it('pages by cursor without gaps or repeats, and a page stays put while events are appended', async () => {
    const first = await page(`/api/audit?actor=${subA}&pageSize=5`);
    expect(first.data).toHaveLength(5);
    // Newer events by the same actor arrive between page 1 and page 2.
    await seed([{ kind: 'sign_out', actor: actor(subA), detail: { i: 100 } }]);
    const second = await page(`/api/audit?actor=${subA}&pageSize=5&pageCursor=${first.next}`);
    const third = await page(`/api/audit?actor=${subA}&pageSize=5&pageCursor=${second.next}`);
    expect(third.next).toBeNull();
    const is = [...first.data, ...second.data, ...third.data].map((e) => (e.detail as { i: number }).i);
    expect(is).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // The same cursor reads the same page again.
    expect(await page(`/api/audit?actor=${subA}&pageSize=5&pageCursor=${first.next}`)).toEqual(second);
    expect((await page(`/api/audit?actor=${subA}&pageSize=1`)).data[0]).toMatchObject({ kind: 'sign_out' });
  });

  it.each([
    ['kind=sign_on', 'kind'],
    ['from=yesterday', 'from'],
    ['from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z', 'to'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageCursor=not-a-cursor', 'pageCursor'],
    ['cosignerId=a%20b', 'cosignerId'],
  ])('refuses %s with 400 naming %s', async (qs, field) => {
    const answer = await get(`/api/audit?${qs}`);
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.json)).toHaveProperty(field);
  });

  it('is for signed-in users with a role only', async () => {
    expect((await callApi(app.appUrl, 'GET', '/api/audit')).status).toBe(401);
    const nora = await sessionCookieHeader(NORA, {
      appUrl: app.appUrl,
      secret: app.sessionSecret,
      dataDir: app.dataDir,
    });
    expect((await get('/api/audit', nora)).status).toBe(403);
    expect((await get('/api/audit/export?format=jsonl', nora)).status).toBe(403);
    const alice = await sessionCookieHeader(ALICE, {
      appUrl: app.appUrl,
      secret: app.sessionSecret,
      dataDir: app.dataDir,
    });
    expect((await get('/api/audit?pageSize=1', alice)).status).toBe(200);
  });
});

describe('GET /api/audit/export', () => {
  it('streams the whole chain as JSONL that npm run audit:verify accepts', async () => {
    const head = (await page('/api/audit?pageSize=1')).data[0]!;
    const answer = await get('/api/audit/export?format=jsonl');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-events-1-\d+-[0-9T-]+Z\.jsonl"$/,
    );
    expect(answer.headers.get('cache-control')).toContain('no-store');
    // No PEM, public or private, is ever in an event.
    expect(answer.text).not.toContain('-----BEGIN');
    const lines = answer.text.trimEnd().split('\n');
    expect(await verifyChain(lines.map((l) => JSON.parse(l) as unknown))).toMatchObject({ ok: true });
    expect(lines.length).toBeGreaterThanOrEqual(head.seq);

    const file = path.join(tmp, 'export.jsonl');
    writeFileSync(file, answer.text);
    const verify = await runTsFile('scripts/audit-verify.ts', ['--file', file]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(
      new RegExp(`audit chain intact \\(.*\\): ${lines.length} events, head hash [0-9a-f]{64}`),
    );
  });

  it('exports the filtered set as CSV that parses back to the same events', async () => {
    const answer = await get(`/api/audit/export?format=csv&actor=${subA}&kind=change_proposed`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-events-filtered-.*\.csv"$/);
    const rows = parseCsv<Record<string, string>>(answer.text, { columns: true });
    const api = (await page(`/api/audit?actor=${subA}&kind=change_proposed`)).data.reverse();
    expect(rows.map((r) => Number(r.seq))).toEqual(api.map((e) => e.seq));
    for (const [i, row] of rows.entries()) {
      const event = api[i]!;
      expect(row).toMatchObject({
        kind: 'change_proposed',
        actor_sub: subA,
        actor_name: event.actor!.name!,
        hash: event.hash,
        prev_hash: event.prevHash,
        cosigner_id: cosignerId,
        actor_role: 'admin',
      });
      expect(JSON.parse(row.after!)).toEqual(event.after);
      expect(JSON.parse(row.detail!)).toEqual(event.detail);
    }
  });

  it('defuses a cell a spreadsheet would run as a formula, and keeps newlines in quoted cells', async () => {
    const answer = await get(`/api/audit/export?format=csv&cosignerId=${cosignerId}`);
    const rows = parseCsv<Record<string, string>>(answer.text, { columns: true });
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.actor_sub === subB).map((r) => r.actor_name)).toEqual(
      Array(4).fill(`'${FORMULA_NAME}`),
    );
    expect(JSON.parse(rows[3]!.detail!)).toEqual({ i: 3, reason: '=HYPERLINK("https://evil.example")\nsecond line' });
  });

  it('a decline reason of ok;=1+1;ok runs no formula in a spreadsheet that splits cells at ; or tab', async () => {
    const declined = `cos-declined-${run}`;
    await seed([
      {
        kind: 'change_declined',
        actor: actor(subA),
        cosignerId: declined,
        apiKeyId: 'k0',
        changeId: `change-${run}-declined`,
        detail: { reason: 'ok;=1+1;ok', message: 'Declined: ok;=1+1;ok' },
      },
    ]);
    const answer = await get(`/api/audit/export?format=csv&cosignerId=${declined}`);
    expect(answer.status).toBe(200);
    const [, line = ''] = answer.text.split('\r\n');
    expect(line).toContain('change_declined');
    for (const separator of [',', ';', '\t']) {
      // Every separator taken as a cell break, quotes ignored: the worst a spreadsheet's locale can do.
      for (const cell of line.split(separator)) expect(cell.replace(/^[\s"]+/, '')).not.toMatch(/^[=+\-@]/);
    }
    // Read as the CSV it is, the reason is still there to read.
    const [row] = parseCsv<Record<string, string>>(answer.text, { columns: true });
    expect(JSON.parse(row!.detail!)).toEqual({ reason: "ok;'=1+1;ok", message: "Declined: ok;'=1+1;ok" });
  });

  it('refuses a missing or unknown format and bad filters with 400', async () => {
    expect((await get('/api/audit/export')).status).toBe(400);
    expect((await get('/api/audit/export?format=xml')).status).toBe(400);
    expect((await get('/api/audit/export?format=csv&from=soon')).status).toBe(400);
  });
});
