import { randomUUID } from 'node:crypto';

import { appendAuditEvents, auditActor } from '../testing/e2e/audit-events';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('vera'));

test('[AUDIT][VIEWER]: a viewer reads the audit trail, filters it, pages through it and opens an event', async ({
  page,
}) => {
  const sub = `e2e-${randomUUID().slice(0, 8)}`;
  const cosignerId = randomUUID();
  // 12 events by one actor on one key (a change proposed, then its statuses), and a sign-in.
  await appendAuditEvents([
    { kind: 'sign_in', actor: auditActor(sub) },
    ...Array.from({ length: 12 }, (_, i) => ({
      kind: i === 0 ? ('change_proposed' as const) : ('change_status' as const),
      actor: auditActor(sub),
      cosignerId,
      apiKeyId: 'key-e2e',
      changeId: `change-${sub}`,
      fireblocksAsyncRequestId: `req-${sub}`,
      after: { url: 'https://callbacks.example.com/e2e', fingerprint: 'ab'.repeat(32) },
      detail: { step: i },
    })),
  ]);

  await page.goto('/cosigners');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events, newest first' });
  // Newest first: the last event appended is the first row.
  await expect(table.getByRole('row').nth(1)).toContainText('Fireblocks status read');
  await expect(table.getByRole('row').nth(1)).toContainText(sub);

  // Filter by the actor: typed, committed to the URL once typing pauses.
  await page.getByLabel('Actor (name, email or subject)').fill(sub);
  await expect(page).toHaveURL(new RegExp(`actor=${sub}`));
  await expect(page.getByText('25 events on this page')).toHaveCount(0);
  await expect(page.getByText('13 events on this page')).toBeVisible();
  await expect(page.getByText(/Exports hold only the events that match the filters/)).toBeVisible();

  // And by kind: one event.
  await page.getByLabel('Kind').selectOption({ label: 'Change proposed' });
  await expect(page).toHaveURL(/kind=change_proposed/);
  await expect(page.getByText('1 event on this page')).toBeVisible();
  const row = table.getByRole('row').nth(1);
  await expect(row).toContainText('Change proposed');
  await expect(row.getByRole('link', { name: cosignerId.slice(0, 8) })).toHaveAttribute(
    'href',
    `/cosigners/${cosignerId}`,
  );
  await expect(row.getByRole('link', { name: 'key key-e2e' })).toHaveAttribute(
    'href',
    `/cosigners/${cosignerId}/api-keys/key-e2e`,
  );
  await expect(row.getByRole('link', { name: `change-${sub}`.slice(0, 8) })).toHaveAttribute(
    'href',
    `/changes/change-${sub}`,
  );

  // The event in full: after, detail and its place in the chain.
  await row.getByRole('button', { name: /Show/ }).click();
  await expect(page.getByText('"https://callbacks.example.com/e2e"')).toBeVisible();
  await expect(page.getByText('"step": 0')).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toHaveCount(2);
  // The page list's scan may find an empty trail; this one has rows, filters set and an event open.
  await expectNoSeriousA11yViolations(page, 'audit trail with an event open');

  // Back to every kind, 10 rows a page: Next and Previous over the keyset cursor, filters kept in the URL.
  await page.goto(`/audit?actor=${sub}&pageSize=10`);
  await expect(page.getByText('10 events on this page')).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Page 2 · 3 events on this page')).toBeVisible();
  await expect(table.getByRole('row').last()).toContainText('Sign-in');
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.reload();
  await expect(page.getByText('Page 2 · 3 events on this page')).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Page 1 · 10 events on this page')).toBeVisible();
  await expect(page.getByLabel('Actor (name, email or subject)')).toHaveValue(sub);

  // A filter nothing matches says so.
  await page.getByLabel('Actor (name, email or subject)').fill(`${sub}-nobody`);
  await expect(page.getByText('No events match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/audit\?pageSize=10$/);
  await expect(page.getByLabel('Actor (name, email or subject)')).toHaveValue('');
});
