import 'server-only';

import { ConfigError, getConfig } from './env';

/** Validates configuration (and the Fireblocks secret key) at start-up; exits with a clear message if wrong. */
export function assertStartupConfig(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
