import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { appendAuditEvents, auditActor } from '../testing/e2e/audit-events';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

/** `npm run audit:verify -- --file <file>` as an auditor would run it, from the repository. */
function auditVerify(file: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify', '--', '--file', file], {
      cwd: path.resolve(import.meta.dirname, '..'),
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

test('[AUDIT][EXPORT]: an auditor exports the trail as JSONL from the page and npm run audit:verify accepts it', async ({
  page,
}, testInfo) => {
  const sub = `e2e-${randomUUID().slice(0, 8)}`;
  // Someone else's event first, so this journey's five are never the start of the chain.
  const headSeq = await appendAuditEvents([
    { kind: 'sign_in', actor: auditActor(`${sub}-other`) },
    ...Array.from({ length: 5 }, (_, i) => ({
      kind: 'change_status' as const,
      actor: auditActor(sub),
      cosignerId: randomUUID(),
      detail: { status: 'PENDING_APPROVAL', i },
    })),
  ]);

  await page.goto('/audit');
  await expect(page.getByText(/The JSONL export is the whole chain as hashed/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export JSONL' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-events-1-\d+-.*\.jsonl$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(headSeq);
  const last = JSON.parse(lines.at(-1)!) as { seq: number; hash: string };
  const verified = await auditVerify(file);
  expect(verified.code, verified.out).toBe(0);
  expect(verified.out).toContain(`: ${lines.length} events, head hash ${last.hash}`);
  expect(last.seq).toBe(lines.length);

  // A filtered export is a subset: the page says so, and audit:verify refuses it as a chain.
  await page.getByLabel('Actor (name, email or subject)').fill(sub);
  await expect(page.getByText(/Exports hold only the events that match the filters/)).toBeVisible();
  const [filtered] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export JSONL' }).click(),
  ]);
  expect(filtered.suggestedFilename()).toMatch(/^audit-events-filtered-.*\.jsonl$/);
  const filteredFile = testInfo.outputPath(filtered.suggestedFilename());
  await filtered.saveAs(filteredFile);
  expect(readFileSync(filteredFile, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  const refused = await auditVerify(filteredFile);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/audit chain BROKEN .* at seq 1/);
});
