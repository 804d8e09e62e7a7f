import { X509Certificate } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import type { ListApiKeysResponse } from '@/lib/cosigners/console-api-schemas';
import type { Finding, FindingsResponse } from '@/lib/findings/findings-api-schemas';
import { expiringSoonCertPem } from '@/testing/fixtures/pem-fixtures';

import { callApi, type ApiAnswer } from '../../testing/app/api-client';
import { appForFile } from '../../testing/app/file-app';
import { ALICE, VERA, type TestUser } from '../../testing/app/session-cookie';
import { GOOD_URL } from '../../testing/app/bad-input-cases';

// GET /api/findings against the production server and the real simulator's seeded workspace.
const t = appForFile(() => ({ port: Number(process.env.FINDINGS_API_PORT ?? 4306) }));
/** A second admin, to approve a change when the server asks for approval (CHANGE_APPROVALS >= 1). */
const BOB: TestUser = { sub: 'bob', name: 'Bob Admin', email: 'bob@example.com', role: 'admin' };
/** The 250-key cosigner's key (creation index) this file changes; no other suite uses it. */
const OWN_KEY_INDEX = 123;

const call = async (method: string, path: string, user: TestUser, body?: unknown): Promise<ApiAnswer> =>
  callApi(t.app.appUrl, method, path, {
    cookie: await t.cookieFor(user),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function findings(query = ''): Promise<FindingsResponse> {
  const res = await call('GET', `/api/findings${query}`, VERA);
  expect(res.status, res.text).toBe(200);
  return res.json as FindingsResponse;
}

const about = (list: Finding[], ref: { cosignerId: string; apiKeyId: string }) =>
  list.filter((f) => f.cosignerId === ref.cosignerId && f.apiKeyId === ref.apiKeyId);

describe('GET /api/findings', () => {
  it('lists the seeded misrouted URL with its corrected URL and one-click fix', async () => {
    const { findings: list, asOf } = await findings();
    expect(Date.parse(asOf)).toBeLessThanOrEqual(Date.now());
    const [f] = about(list, t.seed.keyMisrouted).filter((x) => x.kind === 'misrouted_url');
    const corrected = 'https://callbacks.staking.acme-capital.example/fireblocks';
    expect(f).toMatchObject({
      severity: 'critical',
      cosignerName: 'Staking Confidential Space',
      url: `${corrected}/v2/tx_sign_request`,
      correctedUrl: corrected,
      fixPath: `/cosigners/${t.seed.keyMisrouted.cosignerId}/api-keys/${t.seed.keyMisrouted.apiKeyId}/edit?url=${encodeURIComponent(corrected)}`,
    });
  });

  it('lists a key without a handler, a URL shared across cosigners and a key not seen for 30 days', async () => {
    const { findings: list } = await findings();
    expect(about(list, t.seed.keyWithNoHandler).map((f) => f.kind)).toContain('no_handler');
    const [shared] = about(list, t.seed.keySharedUrl).filter((f) => f.kind === 'shared_url');
    expect(shared?.sharedWith?.length).toBeGreaterThan(0);
    expect(shared?.sharedWith?.every((o) => o.cosignerId !== t.seed.keySharedUrl.cosignerId)).toBe(true);
    // The other side of the shared URL has the finding too.
    const other = shared?.sharedWith?.[0];
    expect(other && about(list, other).map((f) => f.kind)).toContain('shared_url');
    const [stale] = about(list, t.seed.keyNotSeen).filter((f) => f.kind === 'not_seen');
    expect(stale?.summary).toMatch(/^Not seen for 45 days/);
    // Archived cosigners are left out.
    expect(list.some((f) => f.cosignerId === t.seed.archivedCosignerId)).toBe(false);
  });

  it("narrows to one cosigner's findings; refuses a cosigner id that is not one", async () => {
    const { findings: list } = await findings(`?cosignerId=${t.seed.keyMisrouted.cosignerId}`);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((f) => f.cosignerId === t.seed.keyMisrouted.cosignerId)).toBe(true);
    expect((await call('GET', '/api/findings?cosignerId=nope', VERA)).status).toBe(400);
  });

  it('a certificate the console pinned that expires within 30 days, once its change completed', async () => {
    const asc = await call('GET', `/api/cosigners/${t.seed.bigCosignerId}/api-keys?pageSize=100&order=ASC`, ALICE);
    const next = (asc.json as ListApiKeysResponse).next ?? '';
    const page2 = await call(
      'GET',
      `/api/cosigners/${t.seed.bigCosignerId}/api-keys?pageSize=100&order=ASC&pageCursor=${encodeURIComponent(next)}`,
      ALICE,
    );
    const apiKeyId = (page2.json as ListApiKeysResponse).data[OWN_KEY_INDEX - 100]?.id ?? '';
    const ref = { cosignerId: t.seed.bigCosignerId, apiKeyId };
    const cert = await expiringSoonCertPem();
    // A path of its own per run, so a second run on the same stack is a change too.
    const url = `${GOOD_URL}/findings-${Date.now().toString(36)}`;

    const sent = await call('PATCH', `/api/cosigners/${ref.cosignerId}/api-keys/${apiKeyId}`, ALICE, {
      callbackHandler: { url, cert },
      reason: 'findings: a certificate that expires soon',
    });
    expect([201, 202], sent.text).toContain(sent.status);
    const changeId = (sent.json as { change: { id: string } }).change.id;
    if (sent.status === 201) {
      const approved = await call('POST', `/api/changes/${changeId}/approve`, BOB, {});
      expect(approved.status, approved.text).toBe(202);
    }
    await expect
      .poll(
        async () =>
          ((await call('GET', `/api/changes/${changeId}`, VERA)).json as { data: { state: string } }).data.state,
        {
          timeout: 30_000,
          interval: 500,
        },
      )
      .toBe('completed');

    // The cached walk may predate the change: ask for a new one until it shows the new handler.
    let found: Finding | undefined;
    for (let i = 0; i < 10 && !found; i++) {
      found = about((await findings('?refresh=1')).findings, ref).find((f) => f.kind === 'cert_expiring');
      if (!found) await sleep(2_000);
    }
    expect(found).toMatchObject({
      severity: 'warning',
      url,
      expiresAt: new Date(new X509Certificate(cert).validTo).toISOString(),
    });
    expect(found?.summary).toMatch(/expires in (9|10) days/);
  });
});
