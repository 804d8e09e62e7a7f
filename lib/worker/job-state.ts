import 'server-only';

import type { Db } from '@/lib/db/connect';
import type { WorkerJobRow } from '@/lib/db/tables';

import type { JobError, JobState } from './worker-api-schemas';

export interface PassRecord {
  name: string;
  everyMs: number;
  startedAt: number;
  finishedAt: number;
  error: JobError | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Records a job's last pass (one upsert), keeping the time of the last success when this one failed. */
export async function recordPass(db: Db, p: PassRecord): Promise<void> {
  const finishedAt = iso(p.finishedAt);
  await db.kysely
    .insertInto('worker_jobs')
    .values({
      name: p.name,
      every_ms: p.everyMs,
      started_at: iso(p.startedAt),
      finished_at: finishedAt,
      duration_ms: p.finishedAt - p.startedAt,
      ok_at: p.error ? null : finishedAt,
      error: p.error ? JSON.stringify(p.error) : null,
    })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({
        every_ms: eb.ref('excluded.every_ms'),
        started_at: eb.ref('excluded.started_at'),
        finished_at: eb.ref('excluded.finished_at'),
        duration_ms: eb.ref('excluded.duration_ms'),
        ok_at: eb.fn.coalesce('excluded.ok_at', 'worker_jobs.ok_at'),
        error: eb.ref('excluded.error'),
      })),
    )
    .execute();
}

function jobStateOf(row: WorkerJobRow): JobState {
  return {
    name: row.name,
    everyMs: Number(row.every_ms),
    lastPassAt: row.finished_at,
    lastPassMs: Number(row.duration_ms),
    lastOkAt: row.ok_at,
    lastError: row.error === null ? null : (JSON.parse(row.error) as JobError),
    nextPassAt: iso(Date.parse(row.started_at) + Number(row.every_ms)),
  };
}

/** Every job's last pass, by name; a job that never ran has no entry. */
export async function readJobStates(db: Db): Promise<JobState[]> {
  const rows = await db.kysely.selectFrom('worker_jobs').selectAll().orderBy('name').execute();
  return rows.map(jobStateOf);
}
