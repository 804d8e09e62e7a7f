import 'server-only';

import { getDb } from '@/lib/db';
import type { Db } from '@/lib/db/connect';
import { getFireblocksForChanges, type FireblocksClient } from '@/lib/fireblocks';

/** What the change functions work with: the console's database and the Fireblocks client (tests pass their own). */
export interface ChangeContext {
  db: Db;
  fireblocks: FireblocksClient;
}

/** The process's database and its Fireblocks client for changes (the gate's write lane, outside the read budget). */
export function getChangeContext(): ChangeContext {
  return { db: getDb(), fireblocks: getFireblocksForChanges() };
}
