import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seededKey } from '@/testing/e2e/seed-keys';
import type { SeedSummary } from '@/sim/index';

import { rsa2048PublicKeyPem } from '@/testing/fixtures/pem-fixtures';

import { callApi } from '../../testing/app/api-client';
import { ALICE, sessionCookieHeader } from '../../testing/app/session-cookie';
import { startTestApp, type TestApp } from '../../testing/app/start-app';

// The pages answer an unknown cosigner or key with a real HTTP 404 (not a 200 that streams the not-found view after
// a skeleton), against the production server and the simulator, which says 404 for what it does not hold. (Next.js
// sends a 404 thrown before anything streamed as a bare document that the browser fills with not-found.tsx: the
// e2e not-found page shows the view.)
let app: TestApp;
let seed: SeedSummary;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp({ port: Number(process.env.PAGE_STATUS_PORT ?? 4302) });
  seed = (await (await fetch(`${app.simUrl}/_sim/seed`)).json()) as SeedSummary;
  cookie = await sessionCookieHeader(ALICE, { appUrl: app.appUrl, secret: app.sessionSecret, dataDir: app.dataDir });
}, 600_000);
afterAll(() => app?.close());

/** The not-found view as rendered (its text also sits, unrendered, in the RSC payload of every console page). */
const NOT_FOUND_HEADING = /<h1[^>]*>Page not found<\/h1>/;

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${app.appUrl}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

const edit = (cosignerId: string, apiKeyId: string) =>
  `/cosigners/${encodeURIComponent(cosignerId)}/api-keys/${encodeURIComponent(apiKeyId)}/edit`;

describe('page status', () => {
  it('an unknown cosigner: 404', async () => {
    expect((await page(`/cosigners/${randomUUID()}`)).status).toBe(404);
  });

  it('an unknown API key of a known cosigner: 404 on its edit page', async () => {
    expect((await page(edit(seed.keyWithPublicKey.cosignerId, `unknown-${randomUUID()}`))).status).toBe(404);
  });

  it('an unknown cosigner on the edit page: 404', async () => {
    expect((await page(edit(randomUUID(), seed.keyWithPublicKey.apiKeyId))).status).toBe(404);
  });

  it("the render bench's floor page is a 404 to a signed-in admin (it is not in the product's build)", async () => {
    for (const rows of ['', '&rows=plain'])
      expect((await page(`/bench/key-rows/${seed.bigCosignerId}?pageSize=10${rows}`)).status).toBe(404);
  });

  it('a malformed cosigner id: 404 without asking Fireblocks', async () => {
    expect((await page('/cosigners/not-a-uuid')).status).toBe(404);
  });

  it('positive controls: the known cosigner and key answer 200 with their data', async () => {
    const { cosignerId, apiKeyId } = seed.keyWithPublicKey;
    const cosigner = await page(`/cosigners/${cosignerId}`);
    expect(cosigner.status).toBe(200);
    expect(cosigner.html).not.toMatch(NOT_FOUND_HEADING);
    expect(cosigner.html).toContain(`title="${cosignerId}"`);
    const key = await page(edit(cosignerId, apiKeyId));
    expect(key.status).toBe(200);
    expect(key.html).not.toMatch(NOT_FOUND_HEADING);
    expect(key.html).toMatch(/<h1[^>]*>Change callback handler<\/h1>/);
  });

  it('an unknown change: 404; a malformed change id: 404 without a database read', async () => {
    expect((await page(`/changes/${randomUUID()}`)).status).toBe(404);
    expect((await page('/changes/not-a-uuid')).status).toBe(404);
  });

  it('positive controls: the list of changes and a recorded change answer 200 with their data', async () => {
    // A key of its own: the shared stack's journeys read the seed's named keys (the accessibility walk expects
    // keyWithNoHandler to have none), and an open or completed change here would change what they see.
    const { cosignerId, apiKeyId } = seededKey('none', 3);
    const body = JSON.stringify({
      callbackHandler: { url: 'https://callbacks.example.com/page-status', publicKey: rsa2048PublicKeyPem() },
      reason: 'page status check',
    });
    const proposed = await callApi(app.appUrl, 'PATCH', `/api/cosigners/${cosignerId}/api-keys/${apiKeyId}`, {
      cookie,
      body,
    });
    // The default (CHANGE_APPROVALS=1): recorded, awaiting another admin's approval.
    expect(proposed.status, proposed.text).toBe(201);
    const changeId = (proposed.json as { change: { id: string } }).change.id;
    const change = await page(`/changes/${changeId}`);
    expect(change.status).toBe(200);
    expect(change.html).not.toMatch(NOT_FOUND_HEADING);
    expect(change.html).toContain('page status check');
    const list = await page('/changes');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`View change ${changeId}`);
  });
});
