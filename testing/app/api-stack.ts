import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll } from 'vitest';

import type { SeedSummary, SimLogEntry } from '@/sim/index';

import { callApi, type ApiAnswer } from './api-client';
import { ALICE, sessionCookies, type TestUser } from './session-cookie';
import { newEntries, simLog } from './sim-log';
import { startTestApp, type TestApp } from './start-app';
import { GOOD_URL, loadPems, type Pems, type Target } from './bad-input-cases';

export interface ApiStack {
  app: TestApp;
  pems: Pems;
  target: Target;
  /** A real session cookie for `user` (its row in the app's database, its id sealed with the app's secret). */
  cookieFor(user: TestUser): Promise<string>;
  /** Runs `send`; returns its answer and what reached the simulator meanwhile (that this request could have caused). */
  observed(send: () => Promise<ApiAnswer>, needles?: string[]): Promise<{ answer: ApiAnswer; upstream: SimLogEntry[] }>;
  /** The target key's PATCH path. */
  keyPath(): string;
  /** A body that passes every rule (a valid certificate for GOOD_URL's host). */
  validBody(): string;
}

export const fieldsOf = (a: ApiAnswer) =>
  (a.json as { error?: { fields?: Record<string, string> } }).error?.fields ?? {};
export const codeOf = (a: ApiAnswer) => (a.json as { error?: { code?: string } }).error?.code;

/**
 * The app + simulator of a test file (see testing/app/start-app.ts: the runner's shared stack, or our own server
 * on `port`), the PEM fixtures, and a target key: the `keyIndex`th of the 250-key cosigner, one per test file, which
 * other suites sharing the stack leave alone (they use the seed's named keys).
 */
export function setupApiStack({
  port,
  keyIndex,
  env,
}: {
  port: number;
  keyIndex: number;
  /** Configuration beyond the defaults: the file then runs a server of its own (testing/app/start-app.ts). */
  env?: Record<string, string>;
}): ApiStack {
  // Standalone runs own the simulator, so any request at all is a leak; a shared stack may serve other suites too.
  const ownStack = !process.env.TEST_APP_URL || env !== undefined;
  const s = {
    cookieFor: sessionCookies(() => s.app),
    async observed(send: () => Promise<ApiAnswer>, needles: string[] = []) {
      const before = await simLog(s.app.simUrl);
      const answer = await send();
      const entries = newEntries(before, await simLog(s.app.simUrl));
      // On a shared stack, what this request could have caused names this file's own key, marker or needles.
      const all = [s.target.apiKeyId, s.target.marker, ...needles];
      const mine = (e: SimLogEntry) => all.some((n) => decodeURIComponent(e.path).includes(n));
      return { answer, upstream: ownStack ? entries : entries.filter(mine) };
    },
    keyPath: () => `/api/cosigners/${s.target.cosignerId}/api-keys/${s.target.apiKeyId}`,
    validBody: () => JSON.stringify({ callbackHandler: { url: GOOD_URL, cert: s.pems.cert } }),
  } as ApiStack;

  beforeAll(async () => {
    [s.app, s.pems] = await Promise.all([startTestApp({ port, env }), loadPems()]);
    const seed = (await (await fetch(`${s.app.simUrl}/_sim/seed`)).json()) as SeedSummary;
    const keys = await callApi(
      s.app.appUrl,
      'GET',
      `/api/cosigners/${seed.bigCosignerId}/api-keys?pageSize=100&order=ASC`,
      {
        cookie: await s.cookieFor(ALICE),
      },
    );
    const apiKeyId = (keys.json as { data: Array<{ id: string }> }).data[keyIndex]?.id;
    if (!apiKeyId) throw new Error(`could not list the big cosigner's keys: ${keys.status} ${keys.text}`);
    s.target = { cosignerId: seed.bigCosignerId, apiKeyId, marker: `marker-${randomUUID()}` };
  }, 600_000);

  afterAll(async () => {
    await s.app?.close();
  });
  return s;
}
