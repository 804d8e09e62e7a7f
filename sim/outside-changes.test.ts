import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { validCertPem } from '../testing/fixtures/pem-fixtures';
import { AUDIT_EVENTS } from './audit-log';
import { SIM } from './http/error-codes';
import { seedSummary } from './seed';
import { expectValid } from '../testing/sim/expect-valid';
import { control, startTestSim, type TestSim } from '../testing/sim/test-sim';
import type { SimApiUser, SimAuditLogEntry, SimCosigner } from './types';

// The control routes that change the workspace as Fireblocks' own console would: at once, and with `by` in its audit
// log. What a watcher of the workspace must notice.
const s = seedSummary(2);
let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ seed: 2 });
});
afterAll(() => t.sim.close());

const read = async <T>(path: string) => expectValid('GET', path, await t.call({ path }), 200) as T;
const keyIds = async (cosignerId: string) =>
  (await read<{ data: Array<{ id: string }> }>(`/v1/cosigners/${cosignerId}/api_keys?pageSize=100`)).data.map(
    (k) => k.id,
  );
const newestEntry = async () =>
  (await read<{ data: SimAuditLogEntry[] }>('/v1/management/audit_logs?timePeriod=DAY')).data[0];

describe('changes made outside the console', () => {
  it('pair a key at once (with its API user when given one), and unpair it', async () => {
    const c = s.byType['AWS-NITRO']?.[0] ?? '';
    const id = randomUUID();
    const path = `/_sim/cosigners/${c}/api_keys/${id}`;
    const callbackHandler = { url: 'https://new.example.com/cb', cert: await validCertPem() };
    const paired = await control(t.sim, 'PUT', path, {
      by: 'lee@corp.example',
      callbackHandler,
      apiUser: { name: 'Night batch signer', role: 'SIGNER' },
    });
    expect(paired.status).toBe(200);
    expect(paired.json).toMatchObject({ id, callbackHandler: { url: callbackHandler.url } });
    expect(await keyIds(c)).toContain(id);
    const users = (await read<{ users: SimApiUser[] }>('/v1/management/api_users')).users;
    expect(users.find((u) => u.id === id)).toMatchObject({ name: 'Night batch signer', role: 'SIGNER' });
    expect(await newestEntry()).toMatchObject({
      user: 'lee@corp.example',
      event: AUDIT_EVENTS.paired,
      subject: expect.stringContaining(id) as unknown,
    });
    expect((await control(t.sim, 'PUT', path, {})).status).toBe(409);

    expect((await control(t.sim, 'DELETE', path, { by: 'lee@corp.example' })).status).toBe(200);
    expect(await keyIds(c)).not.toContain(id);
    expect(await newestEntry()).toMatchObject({ event: AUDIT_EVENTS.unpaired });
    expect((await control(t.sim, 'DELETE', path)).status).toBe(404);
  });

  it('remove a handler', async () => {
    const ref = s.keyWithPublicKey;
    const path = `/_sim/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}/callback_handler`;
    expect((await control(t.sim, 'DELETE', path, { by: 'dana@corp.example' })).status).toBe(200);
    const key = await read<{ callbackHandler?: unknown }>(`/v1/cosigners/${ref.cosignerId}/api_keys/${ref.apiKeyId}`);
    expect(key.callbackHandler).toBeUndefined();
    expect(await newestEntry()).toMatchObject({ user: 'dana@corp.example', event: AUDIT_EVENTS.handlerRemoved });
  });

  it('add a cosigner (listed first) and archive it', async () => {
    const added = await control(t.sim, 'POST', '/_sim/cosigners', {
      name: 'Disaster Recovery Nitro',
      type: 'AWS-NITRO',
      by: 'dana@corp.example',
    });
    expect(added.status).toBe(201);
    const cosigner = added.json as SimCosigner;
    const listed = await read<{ data: SimCosigner[] }>('/v1/cosigners?pageSize=1');
    expect(listed.data[0]).toEqual(cosigner);
    expect(cosigner).toMatchObject({ archived: false, name: 'Disaster Recovery Nitro', type: 'AWS-NITRO' });
    expect(await newestEntry()).toMatchObject({ event: AUDIT_EVENTS.cosignerAdded });
    expect(await keyIds(cosigner.id)).toEqual([]);

    const archive = `/_sim/cosigners/${cosigner.id}/archive`;
    expect((await control(t.sim, 'POST', archive, { by: 'dana@corp.example' })).json).toMatchObject({
      archived: true,
    });
    expect((await read<SimCosigner>(`/v1/cosigners/${cosigner.id}`)).archived).toBe(true);
    expect(await newestEntry()).toMatchObject({ event: AUDIT_EVENTS.cosignerArchived });
    expect((await control(t.sim, 'POST', archive)).status).toBe(409);
    // An archived cosigner takes no new key.
    expect((await control(t.sim, 'PUT', `/_sim/cosigners/${cosigner.id}/api_keys/${randomUUID()}`)).status).toBe(409);
  });

  it('refuse what a PATCH would, unknown ids and unknown fields', async () => {
    const c = s.bigCosignerId;
    const bad = [
      ['PUT', `/_sim/cosigners/${c}/api_keys/${randomUUID()}`, { callbackHandler: { url: 'http://x.example' } }, 400],
      ['PUT', `/_sim/cosigners/${c}/api_keys/not-a-uuid`, {}, 400],
      ['PUT', `/_sim/cosigners/${randomUUID()}/api_keys/${randomUUID()}`, {}, 404],
      ['POST', '/_sim/cosigners', { name: '' }, 400],
      ['POST', '/_sim/cosigners', { name: 'X', type: 'MAINFRAME' }, 400],
      ['POST', `/_sim/cosigners/${randomUUID()}/archive`, {}, 404],
      ['DELETE', `/_sim/cosigners/${c}/api_keys/${s.keyWithCert.apiKeyId}/callback_handler`, { who: 'x' }, 400],
    ] as const;
    for (const [method, path, body, status] of bad) {
      const res = await control(t.sim, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.json).toMatchObject({ code: expect.any(Number) as unknown });
    }
    expect((await control(t.sim, 'POST', '/_sim/cosigners', '{')).json).toMatchObject({ code: SIM.invalidBody });
  });
});
