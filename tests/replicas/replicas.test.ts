import { setTimeout as sleep } from 'node:timers/promises';

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { verifyDatabaseChain } from '@/lib/audit/read';
import type { ChangeResponse, GetChangeResponse } from '@/lib/changes/change-api-schemas';
import { validCertPem } from '@/testing/fixtures/pem-fixtures';
import { stopOwnPostgres } from '@/testing/db/test-databases';
import { buildSeed, DEFAULT_SEED, seedSummary } from '@/sim/index';

import { GOOD_URL } from '../../testing/app/bad-input-cases';
import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { replicaPort, startReplicas, type Replicas } from '../../testing/app/replicas';
import { ALICE, type TestUser } from '../../testing/app/session-cookie';

// Two `next start` replicas of one build on one PostgreSQL database and one simulator, as behind a load balancer:
// what one replica records (changes, sessions, rate-limit counters, the audit chain) the other sees at once.
// Approvals are on (CHANGE_APPROVALS=1, the default): each change is proposed on one replica and approved by another
// admin on the other, which sends it.
let r: Replicas;
let cert: string;
const treasury = buildSeed(DEFAULT_SEED).find((d) => d.cosigner.id === seedSummary().bigCosignerId);
const treasuryKeys = treasury?.keys.map((k) => k.id) ?? [];
/** Keys of the Treasury SGX cosigner (250 keys) handed out to tests, so no two tests change the same key. */
let nextKey = 0;
const takeKeys = (n: number) => treasuryKeys.slice(nextKey, (nextKey += n));

const adminNamed = (sub: string): TestUser => ({ ...ALICE, sub, name: `Admin ${sub}` });
const replicaOf = (i: number) => r.apps[i % r.apps.length]?.appUrl ?? '';
const keyPath = (apiKeyId: string) => `/api/cosigners/${treasury?.cosigner.id ?? ''}/api-keys/${apiKeyId}`;
const upstreamPatchesOf = (apiKeyIds: string[]) => {
  const paths = new Set(apiKeyIds.map((k) => `/v1/cosigners/${treasury?.cosigner.id ?? ''}/api_keys/${k}`));
  return r.sim.requestLog().filter((e) => e.method === 'PATCH' && paths.has(e.path));
};

function propose(appUrl: string, cookie: string, apiKeyId: string, reason: string): Promise<ApiAnswer> {
  const body = JSON.stringify({ callbackHandler: { url: GOOD_URL, cert }, reason });
  return callApi(appUrl, 'PATCH', keyPath(apiKeyId), { cookie, body });
}

function approve(appUrl: string, cookie: string, changeId: string): Promise<ApiAnswer> {
  return callApi(appUrl, 'POST', `/api/changes/${changeId}/approve`, { cookie, body: '{}' });
}

async function viewChange(appUrl: string, cookie: string, id: string) {
  const res = await callApi(appUrl, 'GET', `/api/changes/${id}`, { cookie });
  expect(res.status, res.text).toBe(200);
  return (res.json as GetChangeResponse).data;
}

beforeAll(async () => {
  expect(treasury?.cosigner.name).toBe('Treasury SGX');
  expect(treasuryKeys).toHaveLength(250);
  cert = await validCertPem();
  r = await startReplicas({ name: 'replicas', ports: [replicaPort(0), replicaPort(1)] });
}, 600_000);

afterAll(async () => {
  await r?.close();
  await stopOwnPostgres();
});

describe('two replicas on one PostgreSQL', () => {
  it('a change proposed on replica A is approved on replica B, which sends it and follows it to completion', async () => {
    const cookie = await r.cookieFor(adminNamed('replica-proposer'));
    const approverCookie = await r.cookieFor(adminNamed('replica-approver'));
    const [apiKeyId = ''] = takeKeys(1);
    const proposed = await propose(replicaOf(0), cookie, apiKeyId, 'proposed on A');
    expect(proposed.status, proposed.text).toBe(201);
    const { change } = proposed.json as { change: ChangeResponse };
    expect(change.state).toBe('awaiting_approval');
    expect(upstreamPatchesOf([apiKeyId])).toHaveLength(0);

    const approved = await approve(replicaOf(1), approverCookie, change.id);
    expect(approved.status, approved.text).toBe(202);
    let seen = await viewChange(replicaOf(1), cookie, change.id);
    expect(seen.proposer?.sub).toBe('replica-proposer');
    expect(seen.approver?.sub).toBe('replica-approver');
    for (let i = 0; i < 40 && seen.state !== 'completed'; i++) {
      await sleep(250);
      seen = await viewChange(replicaOf(0), cookie, change.id);
    }
    expect(seen.state).toBe('completed');
    expect(upstreamPatchesOf([apiKeyId])).toHaveLength(1);
    // Approving again, on either replica, sends nothing more.
    expect((await approve(replicaOf(0), approverCookie, change.id)).status).toBe(409);
    expect(upstreamPatchesOf([apiKeyId])).toHaveLength(1);
  });

  it('signing out on replica A revokes the session on replica B', async () => {
    const cookie = await r.cookieFor(adminNamed('replica-signout'));
    expect((await callApi(replicaOf(1), 'GET', '/api/me', { cookie })).status).toBe(200);
    const out = await callApi(replicaOf(0), 'POST', '/auth/logout', { cookie, headers: { accept: 'text/html' } });
    expect(out.status, out.text).toBe(303);
    const after = await callApi(replicaOf(1), 'GET', '/api/me', { cookie });
    expect(after.status).toBe(401);
  });

  it('shares the PATCH rate limit: requests split over A and B hit it at the same total as on one replica', async () => {
    const cookie = await r.cookieFor(adminNamed('replica-rate'));
    const keys = takeKeys(6);
    const answers: ApiAnswer[] = [];
    for (const [i, apiKeyId] of keys.entries()) answers.push(await propose(replicaOf(i), cookie, apiKeyId, 'rate'));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = answers[5];
    expect((refused?.json as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused on B after three tokens were taken on each side: one limit, not one per replica.
    expect((await propose(replicaOf(0), cookie, keys[5] ?? '', 'rate')).status).toBe(429);
    expect(await r.db.kysely.selectFrom('changes').select('id').where('api_key_id', 'in', keys).execute()).toHaveLength(
      5,
    );
  });

  it('200 concurrent changes to 200 keys over both replicas: 200 PATCHes upstream, 200 records, a sound audit chain', async () => {
    const keys = takeKeys(200);
    expect(keys).toHaveLength(200);
    // 40 proposers, 5 changes each (the per-admin burst, 5, is tested above), and one approver. Each change
    // is proposed on one replica and approved on the other.
    const cookies = await Promise.all(Array.from({ length: 40 }, (_, i) => r.cookieFor(adminNamed(`bulk-${i}`))));
    const approverCookie = await r.cookieFor(adminNamed('bulk-approver'));
    const started = Date.now();
    const answers = await Promise.all(
      keys.map(async (apiKeyId, i) => {
        const proposed = await propose(replicaOf(i), cookies[i % 40] ?? '', apiKeyId, `bulk change ${i}`);
        if (proposed.status !== 201) return proposed;
        return approve(replicaOf(i + 1), approverCookie, (proposed.json as { change: ChangeResponse }).change.id);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(`200 concurrent changes (propose + approve) over 2 replicas: ${seconds.toFixed(1)} s`);
    expect(answers.filter((a) => a.status !== 202).map((a) => a.text)).toEqual([]);

    const patches = upstreamPatchesOf(keys);
    expect(patches).toHaveLength(200);
    expect(new Set(patches.map((p) => p.path)).size).toBe(200);
    const records = await r.db.kysely
      .selectFrom('changes')
      .select(['state', sql<number>`count(*)`.as('n')])
      .where('api_key_id', 'in', keys)
      .groupBy('state')
      .execute();
    expect(records.reduce((n, row) => n + Number(row.n), 0)).toBe(200);
    expect(records.every((row) => ['sent', 'completed'].includes(row.state))).toBe(true);
    const chain = await verifyDatabaseChain(r.db);
    expect(chain).toMatchObject({ ok: true });
    // Every change wrote at least its proposal, its approval and its send, into the one chain both replicas append to.
    expect(chain.count).toBeGreaterThanOrEqual(600);
  }, 300_000);
});
