import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { certPublicKeyHash } from '../../lib/callback-handler/fingerprint';
import { rsa2048PublicKeyPem, validCertPem } from '../../testing/fixtures/pem-fixtures';
import { seedSummary } from '../seed';
import { expectValid } from '../../testing/sim/expect-valid';
import { control, startTestSim, type TestSim } from '../../testing/sim/test-sim';

// The async request lifecycle over HTTP: small real delays (polled, order asserted, no durations), and
// control-route forcing for the states a timer never produces.
let t: TestSim;
const s = seedSummary(1);
const RANK: Record<string, number> = { WAITING_FOR_APPROVAL: 0, APPROVED: 1, COMPLETED: 2 };

beforeAll(async () => {
  t = await startTestSim({ seed: 1, delays: { approveMs: 50, completeMs: 50 } });
});
afterAll(() => t.sim.close());

const keyPath = (ref = s.keyWithPublicKey) => `/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`;

async function getKey(path: string): Promise<{ callbackHandler?: Record<string, string> }> {
  return expectValid('GET', path, await t.call({ path }), 200) as { callbackHandler?: Record<string, string> };
}

async function patch(path: string, body: unknown): Promise<string> {
  const res = await t.call({ method: 'PATCH', path, body });
  expectValid('PATCH', path, res, 202);
  return res.headers.get('location') ?? '';
}

async function status(location: string): Promise<string> {
  return (expectValid('GET', location, await t.call({ path: location }), 200) as { status: string }).status;
}

describe('request lifecycle over HTTP', () => {
  it('reaches COMPLETED through the states in order; the handler changes only at COMPLETED', async () => {
    const path = keyPath();
    const before = await getKey(path);
    const url = 'https://lifecycle.example.com/cb';
    const location = await patch(path, { callbackHandler: { url, publicKey: rsa2048PublicKeyPem() } });
    const seen: string[] = [];
    for (;;) {
      // Key read before the status: if the status is not yet COMPLETED, the key read earlier is unchanged.
      const key = await getKey(path);
      const st = await status(location);
      if (seen.at(-1) !== st) seen.push(st);
      if (st !== 'COMPLETED') expect(key).toEqual(before);
      else break;
      await sleep(10);
    }
    expect(seen.map((x) => RANK[x])).toEqual([...seen.map((x) => RANK[x])].sort());
    expect(seen.at(-1)).toBe('COMPLETED');
    expect((await getKey(path)).callbackHandler?.url).toBe(url);
  });

  it('shows each state in turn when driven through the control routes', async () => {
    await control(t.sim, 'POST', '/_sim/delays', { approveMs: 3_600_000, completeMs: 3_600_000 });
    try {
      const path = keyPath();
      const before = await getKey(path);
      const cert = await validCertPem();
      const location = await patch(path, { callbackHandler: { url: 'https://pinned.example.com/cb', cert } });
      const id = location.split('/').at(-1) ?? '';
      expect(await status(location)).toBe('WAITING_FOR_APPROVAL');
      expect((await control(t.sim, 'POST', `/_sim/requests/${id}/approve`)).json).toMatchObject({ status: 'APPROVED' });
      expect(await status(location)).toBe('APPROVED');
      expect(await getKey(path)).toEqual(before);
      await control(t.sim, 'POST', `/_sim/requests/${id}/complete`);
      expect(await status(location)).toBe('COMPLETED');
      expect((await getKey(path)).callbackHandler).toEqual({
        url: 'https://pinned.example.com/cb',
        certPublicKeyHash: certPublicKeyHash(cert),
      });
    } finally {
      await control(t.sim, 'POST', '/_sim/delays', { approveMs: 50, completeMs: 50 });
    }
  });

  it.each([
    ['reject', 'REJECTED'],
    ['cancel', 'CANCELLED'],
  ])('%s ends a pending request %s and the key never changes', async (action, final) => {
    await control(t.sim, 'POST', '/_sim/delays', { approveMs: 3_600_000, completeMs: 3_600_000 });
    try {
      const path = keyPath(s.keyWithCert);
      const before = await getKey(path);
      const location = await patch(path, { callbackHandler: { url: 'https://never.example.com' } });
      const id = location.split('/').at(-1) ?? '';
      expect((await control(t.sim, 'POST', `/_sim/requests/${id}/${action}`)).json).toMatchObject({ status: final });
      expect(await status(location)).toBe(final);
      // Ended for good: it can be neither completed nor ended again, and the change never lands.
      expect((await control(t.sim, 'POST', `/_sim/requests/${id}/complete`)).status).toBe(409);
      expect((await control(t.sim, 'POST', `/_sim/requests/${id}/${action}`)).status).toBe(409);
      expect(await status(location)).toBe(final);
      expect(await getKey(path)).toEqual(before);
    } finally {
      await control(t.sim, 'POST', '/_sim/delays', { approveMs: 50, completeMs: 50 });
    }
  });

  it('an empty body removes the handler once completed', async () => {
    const path = keyPath(s.keyWithCert);
    const location = await patch(path, {});
    while ((await status(location)) !== 'COMPLETED') await sleep(10);
    expect((await getKey(path)).callbackHandler).toBeUndefined();
  });
});
