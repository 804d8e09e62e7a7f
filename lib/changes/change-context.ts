import 'server-only';

import { getConfig } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import type { Db } from '@/lib/db/connect';
import { getFireblocksForChanges, type FireblocksClient } from '@/lib/fireblocks';
import { preflightPolicyOf, type PreflightPolicy } from '@/lib/preflight/preflight-policy';

/**
 * What the change functions work with: the console's database, the Fireblocks client and the pre-flight check of a
 * handler's target (tests pass their own).
 */
export interface ChangeContext {
  db: Db;
  fireblocks: FireblocksClient;
  preflight: PreflightPolicy;
}

/**
 * The process's database, its Fireblocks client for changes (the gate's write lane, outside the read budget) and the
 * pre-flight policy (PREFLIGHT).
 */
export function getChangeContext(): ChangeContext {
  return { db: getDb(), fireblocks: getFireblocksForChanges(), preflight: preflightPolicyOf(getConfig()) };
}
