import 'server-only';

import { ConfigError, getConfig, getMetricsToken } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { MigrationRefusedError, migrateToLatest } from '@/lib/db/migrate';
import { getFireblocks } from '@/lib/fireblocks';
import { logger } from '@/lib/log/logger';

import { startBackgroundWorker } from './background-worker';
import { installDrainOnSignals } from './drain';

/**
 * What runs once when the server starts, before any request is served. Configuration is validated (and the
 * Fireblocks secret key loaded: building the client does it), then the database is brought up to date; a missing or
 * invalid value, a bad DATABASE_URL or a database migrated by a newer version stops the start with a message saying
 * so. Then the background worker starts (it competes for the deployment's lease; its holder follows open changes,
 * those left by an earlier run included), never delaying or failing the start, and SIGTERM drains the replica and
 * stops the worker.
 */
export async function startServer(): Promise<void> {
  try {
    getConfig();
    getMetricsToken();
    getFireblocks();
    const db = getDb();
    const { applied } = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ database: db.location, applied }, 'database migrated');
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof MigrationRefusedError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
  startBackgroundWorker();
  installDrainOnSignals();
}
