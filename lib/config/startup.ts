import 'server-only';

import { getFireblocks } from '@/lib/fireblocks';
import { logger } from '@/lib/log/logger';

import { ConfigError, getConfig, getMetricsToken } from './env';

/** Validates configuration (and the Fireblocks secret key) at start-up; exits with a clear message if wrong. */
export function assertStartupConfig(): void {
  try {
    getConfig();
    getMetricsToken();
    // Builds the Fireblocks client, which loads and validates the secret key: a bad key stops the start here.
    getFireblocks();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  }
}
