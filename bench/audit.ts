import { execFileSync } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { httpSend } from '@/lib/fireblocks/http-send';
import { runTsFile } from '@/testing/runner/run-ts';

import { REPO_ROOT } from '../testing/app/canary-build';
import { startCanaryServer, type CanaryServer } from '../testing/app/canary-server';
import { sessionCookieHeader, VERA } from '../testing/app/session-cookie';
import { timeInterleaved } from './paired-latency';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';

/** Two app servers on BENCH_AUDIT_PORT and the next port (defaults away from the other sections'). */
const PORT = Number(process.env.BENCH_AUDIT_PORT ?? 4320);
const SMALL = 1_000;
const LARGE = 100_000;
const PAGE_SIZE = 25;
const STALL_MS = 3000;

interface AuditServer {
  app: CanaryServer;
  dataDir: string;
  cookie: string;
  /** The pid of the process listening on the port: next start's server, whose memory the export grows. */
  pid: number;
}

/** A SQLite database of `events` events, appended with lib/audit (the app's own code), 1,000 per transaction. */
async function seededDataDir(events: number): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `bench-audit-${events}-`));
  const out = await runTsFile('testing/db/audit-seed.ts', [JSON.stringify({ dataDir, generate: events })]);
  if (out.code !== 0) throw new Error(`seeding ${events} audit events failed: ${out.stderr}`);
  return dataDir;
}

function listeningPid(port: number): number {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process found listening on port ${port}: ${out}`);
  return Number(pid);
}

/** Resident set size of a process, from /proc (Linux), in MiB. */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function startAuditServer(port: number, dataDir: string): Promise<AuditServer> {
  const sessionSecret = randomBytes(32).toString('base64url');
  const app = await startCanaryServer({
    name: `next start (bench audit ${port})`,
    port,
    env: {
      // The audit routes never reach Fireblocks or the IdP; the configuration only has to be valid.
      FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
      FIREBLOCKS_API_KEY: 'b3a0a7e9-0000-4000-8000-000000000000',
      FIREBLOCKS_SECRET_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'cosigner-console-bench',
      OIDC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      SESSION_SECRET: sessionSecret,
    },
    dataDir,
    logFile: path.join(REPO_ROOT, 'test-results', 'bench', `audit-app-${port}.log`),
  });
  const cookie = await sessionCookieHeader(VERA, { appUrl: app.appUrl, secret: sessionSecret, dataDir });
  return { app, dataDir, cookie, pid: listeningPid(port) };
}

const firstPage = (s: AuditServer, query: string) => async () => {
  const res = await httpSend(new URL(`/api/audit?pageSize=${PAGE_SIZE}${query}`, s.app.appUrl), {
    method: 'GET',
    headers: { cookie: s.cookie, accept: 'application/json' },
    timeoutMs: 10_000,
  });
  if (res.status !== 200) throw new Error(`/api/audit answered HTTP ${res.status}`);
  if ((JSON.parse(res.text) as { data: unknown[] }).data.length !== PAGE_SIZE)
    throw new Error('/api/audit answered a short first page');
};

/**
 * Streams the whole export through the real route, reading as fast as the socket delivers, while sampling the
 * server's RSS every 20 ms. Returns the peak growth over the RSS just before, and what arrived.
 */
async function exportGrowth(
  s: AuditServer,
): Promise<{ growthMiB: number; before: number; lines: number; mib: number; seconds: number }> {
  const before = rssMiB(s.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(s.pid))), 20);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const res = await fetch(new URL('/api/audit/export?format=jsonl', s.app.appUrl), { headers: { cookie: s.cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`/api/audit/export answered HTTP ${res.status}`);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 0x0a) lines++;
    }
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssMiB(s.pid));
  return {
    growthMiB: peak - before,
    before,
    lines,
    mib: bytes / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Backpressure: a client that takes the first chunk of the export and then reads nothing for STALL_MS. The socket
 * buffers fill, and a pull-based stream stops reading the database; were the body pushed regardless, the server
 * would hold the rest of the 73 MiB export. Returns the server's RSS growth over that time.
 */
async function stalledClientGrowth(s: AuditServer): Promise<number> {
  const before = rssMiB(s.pid);
  let peak = before;
  const url = new URL('/api/audit/export?format=jsonl', s.app.appUrl);
  await new Promise<void>((resolve, reject) => {
    const req = httpGet(url, { headers: { cookie: s.cookie } }, (res) => {
      res.once('data', () => {
        res.pause();
        const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(s.pid))), 20);
        setTimeout(() => {
          clearInterval(sampler);
          req.destroy();
          resolve();
        }, STALL_MS);
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? resolve() : reject(e)));
  });
  return peak - before;
}

/**
 * `GET /api/audit` through the production server (next start, real session cookie: guard, zod, keyset query on
 * SQLite, JSON), first page of 25 newest first, on a database of 100,000 events against one of 1,000: keyset paging
 * on indexes keeps it flat (target p50 ratio <= 1.5). Unfiltered, and filtered by actor (index actor_sub, seq).
 * Then the JSONL export of all 100,000 through the route: the server's RSS growth (peak during the download over the
 * RSS before it, both from /proc) against the 64 MiB budget, read as fast as it comes, and to a client that stalls.
 */
export async function benchAudit(): Promise<BenchOutcome[]> {
  const [smallDir, largeDir] = await Promise.all([seededDataDir(SMALL), seededDataDir(LARGE)]);
  const servers: AuditServer[] = [];
  try {
    servers.push(await startAuditServer(PORT, smallDir), await startAuditServer(PORT + 1, largeDir));
    const [small, large] = servers as [AuditServer, AuditServer];
    const s = await timeInterleaved({
      small: firstPage(small, ''),
      large: firstPage(large, ''),
      smallActor: firstPage(small, '&actor=bob'),
      largeActor: firstPage(large, '&actor=bob'),
    });
    const p50 = (k: keyof typeof s) => percentile(s[k].latencies, 50);
    const exported = await exportGrowth(large);
    const stalled = await stalledClientGrowth(large);
    if (exported.lines !== LARGE) throw new Error(`the export held ${exported.lines} events, not ${LARGE}`);
    const rows: BenchRow[] = [
      {
        metric: `first page, ${LARGE.toLocaleString('en')} events, p50`,
        unit: 'ms',
        ours: p50('large'),
        baseline: p50('small'),
        baselineLabel: `${SMALL.toLocaleString('en')} events`,
        target: { max: 1.5 },
      },
      {
        metric: `first page filtered by actor, ${LARGE.toLocaleString('en')} events, p50`,
        unit: 'ms',
        ours: p50('largeActor'),
        baseline: p50('smallActor'),
        baselineLabel: `${SMALL.toLocaleString('en')} events`,
        target: { max: 1.5 },
      },
      {
        metric: `export JSONL of ${LARGE.toLocaleString('en')} events: server RSS growth`,
        unit: 'MiB',
        ours: exported.growthMiB,
        baseline: 64,
        baselineLabel: 'budget',
        target: { max: 1 },
      },
      {
        metric: `export JSONL to a client that stops reading, ${STALL_MS / 1000} s: server RSS growth`,
        unit: 'MiB',
        ours: stalled,
        baseline: 64,
        baselineLabel: 'budget',
        target: { max: 1 },
      },
      {
        metric: `export JSONL: size ${exported.mib.toFixed(1)} MiB in ${exported.seconds.toFixed(1)} s; RSS before`,
        unit: 'MiB',
        ours: exported.before,
        baseline: 64,
        baselineLabel: 'budget',
      },
    ];
    return printSection('audit trail: /api/audit first page and the JSONL export, through next start on SQLite', rows);
  } finally {
    for (const server of servers) await server.app.stop();
    rmSync(smallDir, { recursive: true, force: true });
    rmSync(largeDir, { recursive: true, force: true });
  }
}
