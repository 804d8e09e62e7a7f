import { randomBytes } from 'node:crypto';
import path from 'node:path';

import { Fireblocks } from '@fireblocks/ts-sdk';

import { createFireblocksClient, type FireblocksClient } from '@/lib/fireblocks/client';
import { httpSend } from '@/lib/fireblocks/http-send';
import { seedSummary } from '@/sim/seed';

import { SimControl } from '../testing/e2e/sim-control';
import { REPO_ROOT } from '../testing/app/canary-build';
import { startCanaryServer } from '../testing/app/canary-server';
import { sessionCookieHeader } from '../testing/app/session-cookie';
import { benchApiUser } from './fireblocks-setup';
import { latencyRows, PAIRED_REQUESTS, timeInterleaved, type LatencySample } from './paired-latency';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';
import { startSimProcess } from './sim-process';

/** Away from the test stack's and the integration suites' ports; override with BENCH_APP_PORT. */
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 4300);
const SIM_PORT = APP_PORT + 10;
const PAGE_SIZE = 10;
/** The route net of next start's floor may take at most 1.05x the SDK's signed call. */
const PROXY_NET_MAX = 1.05;
/** Concurrent viewers of one list page, and the upstream calls they may cost this one replica. */
const VIEWERS = 50;
const UPSTREAM_CALLS_PER_REPLICA = 1;

interface KeysPage {
  cosignerId: string;
  pageSize: number;
  order: 'ASC' | 'DESC';
  pageCursor?: string;
}

/** Every page of a cosigner's keys for page sizes PAGE_SIZE - 5 .. PAGE_SIZE + 5 in both orders, cursors included. */
async function distinctPages(client: FireblocksClient, cosignerId: string): Promise<KeysPage[]> {
  const pages: KeysPage[] = [];
  for (let pageSize = PAGE_SIZE - 5; pageSize <= PAGE_SIZE + 5; pageSize++)
    for (const order of ['DESC', 'ASC'] as const) {
      let pageCursor: string | undefined;
      do {
        pages.push({ cosignerId, pageSize, order, ...(pageCursor ? { pageCursor } : {}) });
        pageCursor = (await client.listApiKeys(cosignerId, { pageSize, order, pageCursor })).data.next ?? undefined;
      } while (pageCursor);
    }
  return pages;
}

const clientOf = (baseUrl: string, user: { apiKey: string; privateKeyPem: string }) => ({
  baseUrl,
  apiKey: user.apiKey,
  privateKey: user.privateKeyPem,
});

/**
 * Coalescing: VIEWERS identical list requests at once to this replica, then the upstream calls they caused, counted
 * in the simulator's request log. The page (a page size nothing else asks for) is not in the replica's read cache
 * when they start, so the figure is the coalescing of concurrent loads, not a warm cache.
 */
async function coalescingRow(
  appUrl: string,
  sim: SimControl,
  get: (url: URL) => () => Promise<string>,
): Promise<BenchRow> {
  const { bigCosignerId } = seedSummary();
  const read = get(new URL(`/api/cosigners/${bigCosignerId}/api-keys?pageSize=37&order=DESC`, appUrl));
  const upstreamList = `/v1/cosigners/${bigCosignerId}/api_keys?`;
  await sim.clearLog();
  await Promise.all(Array.from({ length: VIEWERS }, () => read()));
  const calls = (await sim.upstreamCalls({ method: 'GET' })).filter((e) => e.path.startsWith(upstreamList));
  return {
    metric: `coalescing: upstream calls for ${VIEWERS} concurrent identical list reads`,
    unit: 'calls',
    ours: calls.length,
    baseline: UPSTREAM_CALLS_PER_REPLICA,
    baselineLabel: 'replica (budget)',
    target: { max: 1 },
  };
}

/**
 * A cosigner list read through the console (`GET /api/cosigners`, production `next start`, real session cookie:
 * guard, session unseal and row read, zod, signing, the extra hop) against the official SDK calling the simulator directly.
 * Same simulator (in its own process, like Fireblocks: bench/sim-process.ts), same RSA-4096 API user, same page
 * size; sequential batches in rotating order, the three sides (route, SDK, floor) in the same rounds. Judged: the
 * route's p50 minus the floor's (`GET /api/health`, a constant answer through next start: the framework's own cost
 * per request) within 1.05x of the SDK's p50, i.e. the console's own part adds at most 5 % to a signed call.
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
      // One person reads hundreds of distinct pages a minute here, on purpose: the read budget would refuse them.
      FIREBLOCKS_READ_BUDGET: '0',
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
    // The app caches page reads per replica for a few seconds, so repeating one read would time the cache. Each
    // side instead walks the same sequence of distinct pages of the big cosigner's keys (page sizes around
    // PAGE_SIZE, both orders, every cursor): more reads than the cache's lifetime holds, so every app read is a
    // signed call, which the simulator's log confirms below.
    const pages = await distinctPages(createFireblocksClient(clientOf(sim.baseUrl, user)), seedSummary().bigCosignerId);
    const simControl = new SimControl(new URL(sim.baseUrl).origin);
    let appTurn = 0;
    let sdkTurn = 0;
    const viaApp = async () => {
      const p = pages[appTurn++ % pages.length]!;
      const url = new URL(`/api/cosigners/${p.cosignerId}/api-keys`, app.appUrl);
      url.search = new URLSearchParams({
        pageSize: String(p.pageSize),
        order: p.order,
        ...(p.pageCursor ? { pageCursor: p.pageCursor } : {}),
      }).toString();
      if (!Array.isArray((JSON.parse(await get(url)()) as { data?: unknown }).data))
        throw new Error('the app answered without a list');
    };
    const viaSdk = async () => {
      const r = await sdk.cosignersBeta.getApiKeys(pages[sdkTurn++ % pages.length]!);
      if (r.statusCode !== 200) throw new Error(`SDK got HTTP ${r.statusCode}`);
    };
    const healthRead = get(new URL('/api/health', app.appUrl));
    await simControl.clearLog();
    const s = await timeInterleaved({
      app: viaApp,
      sdk: viaSdk,
      floor: async () => void (await healthRead()),
    });
    const listCalls = (await simControl.upstreamCalls({ method: 'GET' })).filter((e) =>
      e.path.startsWith('/v1/cosigners/'),
    ).length;
    const p50 = (sample: LatencySample) => percentile(sample.latencies, 50);
    const rows: BenchRow[] = [
      {
        // The judged figure: what the console adds to a signed call, net of what `next start` costs any
        // route. ours = route p50 - the constant route's p50; baseline = the SDK's whole signed call.
        metric: 'proxy p50 minus the floor',
        unit: 'ms',
        ours: p50(s.app) - p50(s.floor),
        baseline: p50(s.sdk),
        baselineLabel: 'SDK direct',
        target: { max: PROXY_NET_MAX },
      },
      {
        // next start's cost for a route that answers a constant (no session, no upstream), hop included.
        metric: '  floor: GET /api/health p50',
        unit: 'ms',
        ours: p50(s.floor),
        baseline: p50(s.sdk),
        baselineLabel: 'SDK direct',
      },
      // The whole route against the SDK, as before the re-base (info).
      ...latencyRows({ prefix: 'proxy', ours: s.app, baseline: s.sdk, baselineLabel: 'SDK' }),
      {
        // 1.00: every read through the app was a signed call upstream (none answered from the read cache).
        metric: '  upstream calls per app read',
        unit: 'calls',
        ours: (listCalls - sdkTurn) / appTurn,
        baseline: 1,
        baselineLabel: 'a signed call each',
      },
    ];
    rows.push(await coalescingRow(app.appUrl, simControl, get));
    return printSection(
      `a page of keys through the app's route vs official SDK direct, ${PAIRED_REQUESTS} requests each (${pages.length} distinct pages)`,
      rows,
    );
  } finally {
    await app.stop();
    await sim.stop();
  }
}
