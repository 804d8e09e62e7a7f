import 'server-only';

import { Gauge, type Registry } from 'prom-client';

import { CHANGE_STATES, OPEN_CHANGE_STATES } from '@/lib/change-model/states';
import { getDb } from '@/lib/db';
import { METRIC_PREFIX } from '@/lib/metrics/registry';
import { processWide } from '@/lib/runtime/process-wide';

/**
 * Adds to the process's registry, once, the gauges read from the shared database at scrape time: every replica
 * reports the same deployment-wide values (aggregate them with max, not sum).
 */
export function addDatabaseGauges(registry: Registry): void {
  processWide('metrics-database-gauges', () => {
    const registers = [registry];
    new Gauge({
      name: `${METRIC_PREFIX}changes`,
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
      name: `${METRIC_PREFIX}open_changes`,
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
      name: `${METRIC_PREFIX}worker_job_last_success_timestamp_seconds`,
      help: "When each background job's last successful pass ended (deployment-wide, read at scrape).",
      labelNames: ['job'] as const,
      registers,
      async collect() {
        const rows = await getDb().kysely.selectFrom('worker_jobs').select(['name', 'ok_at']).execute();
        this.reset();
        for (const r of rows) if (r.ok_at) this.set({ job: r.name }, Date.parse(r.ok_at) / 1000);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}worker_job_failing`,
      help: "1 when a background job's last pass failed (deployment-wide, read at scrape).",
      labelNames: ['job'] as const,
      registers,
      async collect() {
        const rows = await getDb().kysely.selectFrom('worker_jobs').select(['name', 'error']).execute();
        this.reset();
        for (const r of rows) this.set({ job: r.name }, r.error === null ? 0 : 1);
      },
    });
    new Gauge({
      name: `${METRIC_PREFIX}audit_events`,
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
    return true;
  });
}
