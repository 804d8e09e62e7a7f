/**
 * The background worker's status as the console's API shows it (`GET /api/worker`). No server-only import: a page
 * may import these schemas and types. What a status route answers goes through them, so a column added to the
 * worker's tables never reaches the browser by accident.
 */
import { z } from 'zod';

const jobErrorSchema = z.object({ code: z.string(), message: z.string(), at: z.string() });

const jobStateSchema = z.object({
  /** The job's name, e.g. `follow-changes`. */
  name: z.string(),
  /** Time between the starts of two passes. */
  everyMs: z.number().int(),
  /** When the last pass ended. */
  lastPassAt: z.string(),
  lastPassMs: z.number().int(),
  /** When a pass last succeeded; null until one has. */
  lastOkAt: z.string().nullable(),
  /** The last pass's error; null when it succeeded. */
  lastError: jobErrorSchema.nullable(),
  /** When the next pass is due. */
  nextPassAt: z.string(),
});

const workerStatusSchema = z.object({
  /** Whether the replica that answers holds the lease now (runs the background jobs). */
  leader: z.boolean(),
  /** The lease: held while `expiresAt` is in the future; null before any replica took it. */
  lease: z.object({ term: z.number().int(), acquiredAt: z.string(), expiresAt: z.string() }).nullable(),
  jobs: z.array(jobStateSchema),
});

export const workerStatusResponseSchema = z.object({ data: workerStatusSchema });

export type JobError = z.infer<typeof jobErrorSchema>;
export type JobState = z.infer<typeof jobStateSchema>;
export type WorkerStatus = z.infer<typeof workerStatusSchema>;
