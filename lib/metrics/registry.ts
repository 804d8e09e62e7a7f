import 'server-only';

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { processWide } from '@/lib/runtime/process-wide';

/** The prefix of every metric the console exports. */
export const METRIC_PREFIX = 'cosigner_console_';

export interface ConsoleMetrics {
  registry: Registry;
  upstreamRequests: Counter<'method' | 'route' | 'status'>;
  upstreamDuration: Histogram<'method' | 'route' | 'status'>;
  /** API requests answered 429: by the console's own limit (`console`), or because Fireblocks throttles (`fireblocks`). */
  rateLimitRejections: Counter<'limit'>;
  /** Background job passes in this replica, by job and outcome (ok, error, skipped: the previous pass still ran). */
  workerPasses: Counter<'job' | 'outcome'>;
  workerPassDuration: Histogram<'job'>;
  /** 1 while this replica holds the background worker's lease. */
  workerLeader: Gauge;
}

/**
 * The process's Prometheus registry and the instruments the code counts with. A leaf: it reads nothing of the
 * console, so the Fireblocks client and the route wrapper can count without depending on what reads the database.
 * Counters live in memory per replica (Prometheus sums them across replicas); the gauges that read the shared
 * database are added by lib/monitoring when `/api/metrics` is scraped.
 */
export function getMetrics(): ConsoleMetrics {
  return processWide('metrics', createMetrics);
}

function createMetrics(): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const registers = [registry];
  const upstreamRequests = new Counter({
    name: `${METRIC_PREFIX}upstream_requests_total`,
    help: 'HTTP exchanges with Fireblocks, by method, route template and status (or timeout/network/too_large).',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: `${METRIC_PREFIX}upstream_request_duration_seconds`,
    help: 'Time from sending a signed request to Fireblocks to its last byte (signing excluded).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const rateLimitRejections = new Counter({
    name: `${METRIC_PREFIX}rate_limit_rejections_total`,
    help: 'API requests answered 429, by limit: console (its own limit on changes per user), fireblocks (upstream 429).',
    labelNames: ['limit'] as const,
    registers,
  });
  const workerPasses = new Counter({
    name: `${METRIC_PREFIX}worker_job_passes_total`,
    help: 'Background job passes run by this replica, by job and outcome (ok, error, skipped while one still ran).',
    labelNames: ['job', 'outcome'] as const,
    registers,
  });
  const workerPassDuration = new Histogram({
    name: `${METRIC_PREFIX}worker_job_pass_duration_seconds`,
    help: 'Duration of background job passes run by this replica.',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const workerLeader = new Gauge({
    name: `${METRIC_PREFIX}worker_leader`,
    help: "1 while this replica holds the background worker's lease (runs the deployment's background jobs).",
    registers,
  });
  return {
    registry,
    upstreamRequests,
    upstreamDuration,
    rateLimitRejections,
    workerPasses,
    workerPassDuration,
    workerLeader,
  };
}

/** Counts an API answer that is a rate-limit refusal (called where every route's error becomes a response). */
export function countRateLimitRejection(code: string): void {
  if (code === 'rate_limited') getMetrics().rateLimitRejections.inc({ limit: 'console' });
  else if (code === 'upstream_throttled') getMetrics().rateLimitRejections.inc({ limit: 'fireblocks' });
}

/** One HTTP exchange with Fireblocks, as the client's observe hook reports it. */
export interface UpstreamExchange {
  method: string;
  /** The path's template, never an id: a bounded label. */
  route: string;
  status: number | string;
  seconds: number;
}

/** The Fireblocks client's observe hook: one count and one latency sample per HTTP exchange. */
export function observeUpstream(o: UpstreamExchange): void {
  const m = getMetrics();
  const labels = { method: o.method, route: o.route, status: String(o.status) };
  m.upstreamRequests.inc(labels);
  m.upstreamDuration.observe(labels, o.seconds);
}

/** The background worker's observe hook: passes by outcome and duration, and whether this replica leads. */
export const observeWorker = {
  pass(job: string, outcome: 'ok' | 'error' | 'skipped', seconds: number): void {
    const m = getMetrics();
    m.workerPasses.inc({ job, outcome });
    if (outcome !== 'skipped') m.workerPassDuration.observe({ job }, seconds);
  },
  leader(leading: boolean): void {
    getMetrics().workerLeader.set(leading ? 1 : 0);
  },
};
