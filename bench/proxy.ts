import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { Fireblocks } from '@fireblocks/ts-sdk';

import { sessionCookie } from '@/lib/auth/cookies';
import { newSession, sealSession } from '@/lib/auth/session';
import { spawnManaged } from '@/scripts/stack/child';
import { waitForHttp } from '@/scripts/stack/wait-http';
import { startSimulator } from '@/sim/index';

import { cleanEnv, ensureCanaryBuild, REPO_ROOT } from '../tests/helpers/canary-build';
import { benchApiUser, interleave } from './fireblocks-setup';
import { percentile, printSection, type BenchOutcome } from './report';

/** The API-routes helper's port range; override with BENCH_APP_PORT. */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4300);
const PAGE_SIZE = 10;
const WARM_UP = 40;
const ROUNDS = 20;
const BATCH = 20;

interface Sample {
  latencies: number[];
  busyMs: number;
}

/**
 * A cosigner list read through the console (`GET /api/cosigners`, production `next start`, real session cookie:
 * guard, session unseal, zod, signing, the extra hop) against the official SDK calling the simulator directly.
 * Same simulator, same RSA-4096 API user, same page size; sequential batches in rotating order. Target: p50 within
 * 1.2x of the SDK, i.e. what the console adds is small beside the RSA signature both sides pay.
 */
export async function benchProxy(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const build = await ensureCanaryBuild();
  const sim = await startSimulator({ port: 0, apiUsers: [{ apiKey: user.apiKey, publicKeyPem: user.publicKeyPem }] });
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const sessionSecret = randomBytes(32).toString('base64url');
  const app = spawnManaged({
    name: 'next start (bench)',
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(APP_PORT), '--hostname', '127.0.0.1'],
    cwd: build.projectDir,
    env: cleanEnv({
      FIREBLOCKS_BASE_URL: sim.baseUrl,
      FIREBLOCKS_API_KEY: user.apiKey,
      FIREBLOCKS_SECRET_KEY: user.privateKeyPem,
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'cosigner-console-bench',
      OIDC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      SESSION_SECRET: sessionSecret,
      APP_URL: appUrl,
    }),
    output: { file: path.join(REPO_ROOT, 'test-results', 'bench', 'proxy-app.log') },
  });
  try {
    await waitForHttp({ url: `${appUrl}/api/health`, timeoutMs: 60_000, abort: app.exited });
    const session = newSession({ sub: 'bench', name: 'Bench', email: 'bench@example.com', role: 'viewer' }, Date.now());
    const cookie = `${sessionCookie({ production: true, appUrl: new URL(appUrl) }).name}=${await sealSession(session, sessionSecret)}`;
    const sdk = new Fireblocks({ apiKey: user.apiKey, secretKey: user.privateKeyPem, basePath: sim.baseUrl });

    const viaApp = async () => {
      const res = await fetch(`${appUrl}/api/cosigners?pageSize=${PAGE_SIZE}`, { headers: { cookie } });
      const body = (await res.json()) as { data?: unknown[] };
      if (res.status !== 200 || !Array.isArray(body.data)) throw new Error(`the app answered HTTP ${res.status}`);
    };
    const viaSdk = async () => {
      const r = await sdk.cosignersBeta.getCosigners({ pageSize: PAGE_SIZE });
      if (r.statusCode !== 200) throw new Error(`SDK got HTTP ${r.statusCode}`);
    };
    const batch = (fn: () => Promise<void>, into?: Sample) => async () => {
      const start = performance.now();
      for (let i = 0; i < BATCH; i++) {
        const t0 = performance.now();
        await fn();
        into?.latencies.push(performance.now() - t0);
      }
      if (into) into.busyMs += performance.now() - start;
    };
    await interleave(Math.ceil(WARM_UP / BATCH), [batch(viaApp), batch(viaSdk)]);
    const a: Sample = { latencies: [], busyMs: 0 };
    const b: Sample = { latencies: [], busyMs: 0 };
    await interleave(ROUNDS, [batch(viaApp, a), batch(viaSdk, b)]);

    const rps = (s: Sample) => (s.latencies.length / s.busyMs) * 1000;
    return printSection(`list through the app's route vs official SDK direct, ${ROUNDS * BATCH} requests each`, [
      { metric: 'proxy p50', unit: 'ms', ours: percentile(a.latencies, 50), baseline: percentile(b.latencies, 50), baselineLabel: 'SDK', target: { max: 1.2 } },
      { metric: 'proxy p99', unit: 'ms', ours: percentile(a.latencies, 99), baseline: percentile(b.latencies, 99), baselineLabel: 'SDK' },
      { metric: 'proxy throughput', unit: 'req/s', ours: rps(a), baseline: rps(b), baselineLabel: 'SDK' },
    ]);
  } finally {
    await app.stop();
    await sim.close();
  }
}
