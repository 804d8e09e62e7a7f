import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { Fireblocks } from '@fireblocks/ts-sdk';

import { httpSend } from '@/lib/fireblocks/http-send';

import { REPO_ROOT } from '../tests/helpers/canary-build';
import { startCanaryServer } from '../tests/helpers/canary-server';
import { sessionCookieHeader } from '../tests/helpers/session-cookie';
import { benchApiUser } from './fireblocks-setup';
import { latencyRows, PAIRED_REQUESTS, sdkListCosigners, timeInterleaved } from './paired-latency';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';
import { startSimProcess } from './sim-process';

/** The API-routes helper's port range; override with BENCH_APP_PORT. */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4300);
const SIM_PORT = APP_PORT + 10;
const PAGE_SIZE = 10;

/**
 * A cosigner list read through the console (`GET /api/cosigners`, production `next start`, real session cookie:
 * guard, session unseal and row read, zod, signing, the extra hop) against the official SDK calling the simulator directly.
 * Same simulator (in its own process, like Fireblocks: bench/sim-process.ts), same RSA-4096 API user, same page
 * size; sequential batches in rotating order. Target: p50 within
 * 1.2x of the SDK, i.e. what the console adds is small beside the RSA signature both sides pay. The same rounds also
 * time /api/health (info): next start's own cost per request, which takes most of that allowance on this machine.
 */
export async function benchProxy(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const sim = await startSimProcess({ port: SIM_PORT, apiKey: user.apiKey, publicKeyPath: user.publicKeyPath });
  const sessionSecret = randomBytes(32).toString('base64url');
  const app = await startCanaryServer({
    name: 'next start (bench)',
    port: APP_PORT,
    env: {
      FIREBLOCKS_BASE_URL: sim.baseUrl,
      FIREBLOCKS_API_KEY: user.apiKey,
      FIREBLOCKS_SECRET_KEY: user.privateKeyPem,
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'cosigner-console-bench',
      OIDC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      SESSION_SECRET: sessionSecret,
    },
    logFile: path.join(REPO_ROOT, 'test-results', 'bench', 'proxy-app.log'),
  }).catch(async (error: unknown) => {
    await sim.stop();
    throw error;
  });
  try {
    const bench = { sub: 'bench', name: 'Bench', email: 'bench@example.com', role: 'viewer' as const };
    const cookie = await sessionCookieHeader(bench, {
      appUrl: app.appUrl,
      secret: sessionSecret,
      dataDir: app.dataDir,
    });
    const sdk = new Fireblocks({ apiKey: user.apiKey, secretKey: user.privateKeyPem, basePath: sim.baseUrl });

    const get = (url: URL) => async () => {
      // node:http with a kept-alive connection, as the SDK side's axios: the harness's client costs both sides alike.
      const res = await httpSend(url, {
        method: 'GET',
        headers: { cookie, accept: 'application/json' },
        timeoutMs: 10_000,
      });
      if (res.status !== 200) throw new Error(`the app answered ${url.pathname} with HTTP ${res.status}`);
      return res.text;
    };
    const listRead = get(new URL(`/api/cosigners?pageSize=${PAGE_SIZE}`, app.appUrl));
    const viaApp = async () => {
      if (!Array.isArray((JSON.parse(await listRead()) as { data?: unknown }).data))
        throw new Error('the app answered without a list');
    };
    const healthRead = get(new URL('/api/health', app.appUrl));
    const s = await timeInterleaved({
      app: viaApp,
      sdk: sdkListCosigners(sdk, PAGE_SIZE),
      floor: async () => void (await healthRead()),
    });
    const floor: BenchRow = {
      // What next start costs for a route that answers a constant (no session, no upstream), hop included: the part
      // of the 1.2x allowance the framework takes before the route does anything.
      metric: 'floor: GET /api/health p50',
      unit: 'ms',
      ours: percentile(s.floor.latencies, 50),
      baseline: percentile(s.sdk.latencies, 50),
      baselineLabel: 'SDK',
    };
    const rows = [
      ...latencyRows({ prefix: 'proxy', ours: s.app, baseline: s.sdk, baselineLabel: 'SDK', p50Max: 1.2 }),
      floor,
    ];
    return printSection(`list through the app's route vs official SDK direct, ${PAIRED_REQUESTS} requests each`, rows);
  } finally {
    await app.stop();
    await sim.stop();
  }
}
