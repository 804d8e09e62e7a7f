import { afterAll, beforeAll } from 'vitest';

import type { SeedSummary } from '@/sim/index';

import { sessionCookies, type TestUser } from './session-cookie';
import { startTestApp, type StartTestAppOptions, type TestApp } from './start-app';

export interface FileApp {
  /** The running app (read it inside hooks and tests: it is started in the file's beforeAll). */
  readonly app: TestApp;
  /** What the simulator seeded (its cosigners and named keys). */
  readonly seed: SeedSummary;
  /** A real session cookie for `user` (its row in the app's database, its id sealed with the app's secret). */
  cookieFor: (user: TestUser) => Promise<string>;
}

/**
 * The test file's app for all its tests (testing/app/start-app.ts: the runner's shared stack, or a server of its
 * own), closed after them. `options` is read in the beforeAll, after the beforeAll hooks registered before this call
 * (e.g. one starting the receiver a NOTIFY_WEBHOOK_URL names).
 */
export function appForFile(options: () => StartTestAppOptions): FileApp {
  let started: { app: TestApp; seed: SeedSummary } | undefined;
  const get = () => {
    if (!started) throw new Error("the file's app is used before its beforeAll ran");
    return started;
  };
  beforeAll(async () => {
    const app = await startTestApp(options());
    started = { app, seed: (await (await fetch(`${app.simUrl}/_sim/seed`)).json()) as SeedSummary };
  }, 600_000);
  afterAll(() => started?.app.close());
  return {
    get app() {
      return get().app;
    },
    get seed() {
      return get().seed;
    },
    cookieFor: sessionCookies(() => get().app),
  };
}
