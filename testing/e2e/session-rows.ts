import type { Page } from '@playwright/test';

import { runTsFile } from '../runner/run-ts';
import { e2eEnv } from './e2e-env';

/** The public handle of the page's own session, as the sessions API marks it. */
export async function currentSessionHandle(page: Page): Promise<string> {
  const res = await page.request.get('/api/sessions');
  const body = (await res.json()) as { data: { id: string; current: boolean }[] };
  const current = body.data.find((s) => s.current);
  if (!current) throw new Error(`no current session in GET /api/sessions (${res.status()})`);
  return current.id;
}

/**
 * Moves a session's last activity into the past in the running app's own database (its DATA_DIR), in a separate
 * process through lib/db: the row the app reads on every request, so its idle end comes close for real.
 */
export async function setSessionLastSeen(handle: string, lastSeenAt: Date): Promise<void> {
  const out = await runTsFile('testing/db/session-last-seen.ts', [
    JSON.stringify({ dataDir: e2eEnv.TEST_DATA_DIR, handle, lastSeenAt: lastSeenAt.toISOString() }),
  ]);
  if (out.code !== 0) throw new Error(`setting the session's last activity failed (${out.code}): ${out.stderr}`);
  const { updated } = JSON.parse(out.stdout) as { updated: number };
  if (updated !== 1) throw new Error(`expected one session row for ${handle}, updated ${updated}`);
}
