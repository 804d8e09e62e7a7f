import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FireblocksError, type FireblocksClient } from '@/lib/fireblocks';
import { startSimulatedFireblocks } from '@/testing/upstream/simulated-fireblocks';
import { seedSummary, type Simulator } from '@/sim/index';

import {
  apiUserNamesFrom,
  apiUserNamesUnavailable,
  apiUserOf,
  createApiUserNamesCache,
  readApiUserNames,
  type ApiUserNames,
} from './api-user-names';

const seed = seedSummary();
let sim: Simulator;
let client: FireblocksClient;
beforeAll(async () => {
  ({ sim, client } = await startSimulatedFireblocks('c0ffee00-1234-4abc-8def-0000000a11ce', {
    approveMs: 0,
    completeMs: 0,
  }));
});
afterAll(() => sim.close());

describe('readApiUserNames against the simulator', () => {
  it('names the keys of the workspace from one read; a key without an API user has none', async () => {
    sim.clearLog();
    const names = await readApiUserNames(client);
    expect(names.status).toEqual({ available: true });
    expect(apiUserOf(names, seed.keyWithPublicKey.apiKeyId)).toEqual({
      name: 'Treasury payout bot',
      role: 'SIGNER',
      status: 'READY',
      enabled: true,
    });
    expect(apiUserOf(names, seed.keyWithoutApiUser.apiKeyId)).toBeNull();
    expect(sim.requestLog().map((e) => e.path)).toEqual(['/v1/management/api_users']);
  });

  it('a 403 costs the names only, and says why', async () => {
    sim.setForbidden({ apiUsers: true });
    try {
      const names = await readApiUserNames(client);
      expect(names.byId.size).toBe(0);
      expect(names.status).toMatchObject({ available: false, reason: 'forbidden' });
      expect(names.status.available === false && names.status.fireblocksRequestId).toBeTruthy();
    } finally {
      sim.setForbidden({});
    }
  });

  it('any other failure is upstream_error, with the status', async () => {
    sim.setFaults({ status: 502, match: { pathPrefix: '/v1/management/' } });
    try {
      const names = await readApiUserNames(client);
      expect(names.status).toMatchObject({ available: false, reason: 'upstream_error' });
      expect(names.status.available === false && names.status.message).toMatch(/HTTP 502/);
    } finally {
      sim.clearFaults();
    }
  });
});

const named: ApiUserNames = apiUserNamesFrom({ users: [{ id: 'k1', name: 'Bot' }] });
const failed = apiUserNamesUnavailable(new Error('socket hang up'));

describe('createApiUserNamesCache', () => {
  const options = { ttlMs: 60_000, retryMs: 60_000, maxWaitMs: 60_000 };

  it('one read serves concurrent and later callers within its lifetime', async () => {
    let reads = 0;
    const get = createApiUserNamesCache(async () => {
      reads++;
      await sleep(10);
      return named;
    }, options);
    const answers = await Promise.all(Array.from({ length: 5 }, () => get()));
    expect(answers.every((a) => a === named)).toBe(true);
    expect(await get()).toBe(named);
    expect(reads).toBe(1);
  });

  it('a 403 is kept as long as names; another failure is read again after retryMs', async () => {
    const refused = apiUserNamesUnavailable(new FireblocksError({ kind: 'http', status: 403, message: 'Forbidden' }));
    expect(refused.status).toMatchObject({ reason: 'forbidden' });
    let reads = 0;
    const keepsRefusal = createApiUserNamesCache(() => Promise.resolve((reads++, refused)), { ...options, retryMs: 1 });
    await keepsRefusal();
    await sleep(20);
    await keepsRefusal();
    expect(reads).toBe(1);

    let failures = 0;
    const retries = createApiUserNamesCache(() => Promise.resolve((failures++, failed)), { ...options, retryMs: 1 });
    expect((await retries()).status).toMatchObject({ reason: 'upstream_error' });
    await sleep(20);
    await retries();
    expect(failures).toBe(2);
  });

  it('a caller waits at most maxWaitMs, then answers without names; the read still fills the cache', async () => {
    let release: (n: ApiUserNames) => void = () => undefined;
    let reads = 0;
    const get = createApiUserNamesCache(
      () => {
        reads++;
        return new Promise<ApiUserNames>((resolve) => (release = resolve));
      },
      { ...options, maxWaitMs: 20 },
    );
    expect((await get()).status).toMatchObject({ available: false, reason: 'timeout' });
    release(named);
    await sleep(0);
    expect(await get()).toBe(named);
    expect(reads).toBe(1);
  });
});
