import 'server-only';

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { CHANGE_STATES, OPEN_CHANGE_STATES } from '@/lib/changes/change-api-schemas';
import { getDb } from '@/lib/db';
import type { UpstreamObservation } from '@/lib/fireblocks/transport';
import { processWide } from '@/lib/runtime/process-wide';

const PREFIX = 'cosigner_console_';

export interface ConsoleMetrics {
  registry: Registry;
  upstreamRequests: Counter<'method' | 'route' | 'status'>;
  upstreamDuration: Histogram<'method' | 'route' | 'status'>;
  /** API requests answered 429: by the console's own limit (`console`), or because Fireblocks throttles (`fireblocks`). */
  rateLimitRejections: Counter<'limit'>;
}

/**
 * The process's Prometheus registry. Counters live in memory per replica (Prometheus sums them across replicas);
 * the change and audit figures are read from the shared database at scrape time, so every replica reports the same
 * deployment-wide values (aggregate them with max, not sum).
 */
export function getMetrics(): ConsoleMetrics {
  return processWide('metrics', createMetrics);
}

function createMetrics(): ConsoleMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  const upstreamRequests = new Counter({
    name: `${PREFIX}upstream_requests_total`,
    help: 'HTTP exchanges with Fireblocks, by method, route template and status (or timeout/network/too_large).',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: `${PREFIX}upstream_request_duration_seconds`,
    help: 'Time from sending a signed request to Fireblocks to its last byte (signing excluded).',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const rateLimitRejections = new Counter({
    name: `${PREFIX}rate_limit_rejections_total`,
    help: 'API requests answered 429, by limit: console (its own limit on changes per user), fireblocks (upstream 429).',
    labelNames: ['limit'] as const,
    registers,
  });
  new Gauge({
    name: `${PREFIX}changes`,
    help: 'Changes in the database, by state (deployment-wide, read at scrape).',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const rows = await getDb()
        .kysely.selectFrom('changes')
        .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
        .groupBy('state')
        .execute();
      const counts = new Map(rows.map((r) => [r.state, Number(r.n)]));
      for (const state of CHANGE_STATES) this.set({ state }, counts.get(state) ?? 0);
    },
  });
  new Gauge({
    name: `${PREFIX}open_changes`,
    help: 'Changes not yet ended (awaiting approval, sending, sent or unknown), read at scrape.',
    registers,
    async collect() {
      const row = await getDb()
        .kysely.selectFrom('changes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('state', 'in', OPEN_CHANGE_STATES)
        .executeTakeFirst();
      this.set(Number(row?.n ?? 0));
    },
  });
  new Gauge({
    name: `${PREFIX}audit_events`,
    help: 'Audit events written (the chain head seq), deployment-wide, read at scrape.',
    registers,
    async collect() {
      const row = await getDb()
        .kysely.selectFrom('audit_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      this.set(Number(row?.seq ?? 0));
    },
  });
  return { registry, upstreamRequests, upstreamDuration, rateLimitRejections };
}

/** Counts an API answer that is a rate-limit refusal (called where every route's error becomes a response). */
export function countRateLimitRejection(code: string): void {
  if (code === 'rate_limited') getMetrics().rateLimitRejections.inc({ limit: 'console' });
  else if (code === 'upstream_throttled') getMetrics().rateLimitRejections.inc({ limit: 'fireblocks' });
}

/** The Fireblocks client's observe hook: one count and one latency sample per HTTP exchange. */
export function observeUpstream(o: UpstreamObservation): void {
  const m = getMetrics();
  const labels = { method: o.method, route: o.route, status: String(o.status) };
  m.upstreamRequests.inc(labels);
  m.upstreamDuration.observe(labels, o.seconds);
}
