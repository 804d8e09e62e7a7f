import type { AppendAuditEventInput } from '../../lib/audit/append';
import { runTsFile } from '../runner/run-ts';
import { e2eEnv } from './e2e-env';

/**
 * Appends events to the running app's own database (its DATA_DIR) with lib/audit's appendAuditEvent, in a
 * separate process: the code the app itself appends with, on the real chain. For journeys that need a known set of
 * events beside those sign-ins and changes make. Returns the chain's head seq afterwards.
 */
export async function appendAuditEvents(events: AppendAuditEventInput[]): Promise<number> {
  const out = await runTsFile('testing/db/audit-seed.ts', [JSON.stringify({ dataDir: e2eEnv.TEST_DATA_DIR, events })]);
  if (out.code !== 0) throw new Error(`appending audit events failed (${out.code}): ${out.stderr}`);
  return (JSON.parse(out.stdout) as { headSeq: number }).headSeq;
}

/** An actor as the IdP would name one, with a subject unique to the journey so its events can be filtered apart. */
export function auditActor(sub: string, role: 'admin' | 'viewer' = 'admin') {
  return { iss: 'http://127.0.0.1/e2e', sub, email: `${sub}@example.com`, name: `Journey ${sub}`, role };
}
