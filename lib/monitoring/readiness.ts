import 'server-only';

import { getDb } from '@/lib/db';
import { getMigrationStatus } from '@/lib/db/migrate';
import { getFireblocks } from '@/lib/fireblocks';
import { isDraining } from '@/lib/lifecycle/drain';
import { logger } from '@/lib/log/logger';

/** A database that does not answer in this long is as good as down, for a load balancer. */
const DATABASE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this replica can serve: it is not draining (shutting down), the database answers and holds exactly the migrations this code knows, and the
 * Fireblocks signing key is loaded. Why not stays in the server log; the caller learns only yes or no.
 */
export async function isReady(): Promise<boolean> {
  if (isDraining()) return false;
  try {
    getFireblocks();
    const { pending, unknown } = await withTimeout(getMigrationStatus(getDb()), DATABASE_TIMEOUT_MS);
    if (pending.length > 0 || unknown.length > 0) {
      logger.warn({ pending, unknown }, 'not ready: the database is not at this version’s migrations');
      return false;
    }
    return true;
  } catch (error) {
    logger.warn({ err: error }, 'not ready');
    return false;
  }
}
