import { setTimeout as sleep } from 'node:timers/promises';

import { expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';

import { acceptingChanges, drain, isDraining } from './drain';

// One process, one drain: the steps run in order (the SIGTERM drill itself is tests/replicas/drain.test.ts).
it('takes changes until the drain, waits for those in flight up to the deadline, then refuses with 503 draining', async () => {
  expect(await acceptingChanges(() => Promise.resolve('done'))).toBe('done');
  expect(isDraining()).toBe(false);

  let release: () => void = () => {};
  const inFlight = acceptingChanges(() => new Promise<string>((resolve) => (release = () => resolve('finished'))));
  const stuck = acceptingChanges(() => sleep(1_000).then(() => 'late'));
  const started = Date.now();
  const drained = drain(300);
  expect(isDraining()).toBe(true);

  const refused = await acceptingChanges(() => Promise.resolve('new')).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(AppError);
  expect(refused).toMatchObject({ status: 503, code: 'draining' });
  expect((refused as AppError).retryAfter).toBeGreaterThan(0);

  release();
  expect(await inFlight).toBe('finished');
  // The stuck one outlives the deadline: the drain gives up on it and says so.
  expect(await drained).toEqual({ finished: false, left: 1 });
  expect(Date.now() - started).toBeLessThan(1_000);
  // It still finishes on its own (before a real exit, it is what another replica would reconcile).
  expect(await stuck).toBe('late');
});

it('a drain with nothing in flight ends at once', async () => {
  const started = Date.now();
  expect(await drain(5_000)).toEqual({ finished: true, left: 0 });
  expect(Date.now() - started).toBeLessThan(100);
});
