import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { upstreamKeyPath } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[APPROVALS][OWN]: alice cannot approve her own change: the UI offers only Withdraw and a direct POST answers 403 own_change', async ({
  page,
  sim,
}) => {
  const ref = seededKey('publicKey', 23);
  const tag = Date.now().toString(36);
  const edit = new EditHandlerPage(page, ref);
  await edit.open();
  await edit.fill({
    url: `https://own-${tag}.example.com/cosigner`,
    mode: 'publicKey',
    pem: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
  });
  await edit.reviewAndSend('My own change');
  const changeId = await edit.changePage();

  // Her change's page: the note that another admin must approve, Withdraw, and no Approve or Decline.
  const review = page.getByRole('region', { name: 'Awaiting approval' });
  await expect(review).toContainText('Another admin must approve your change before anything is sent');
  await expect(review.getByRole('button', { name: 'Withdraw…' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Approve|Decline)/ })).toHaveCount(0);

  // Asking for the dialog by address opens nothing either.
  await page.goto(`/changes/${changeId}?approve=1`);
  await expect(review).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The list offers her Withdraw only.
  await page.goto('/changes');
  const row = page
    .getByRole('region', { name: 'Awaiting approval' })
    .getByRole('row')
    .filter({ hasText: ref.apiKeyId });
  await expect(row.getByRole('link', { name: 'Withdraw…' })).toBeVisible();
  await expect(row.getByRole('link', { name: /^(Approve|Decline)/ })).toHaveCount(0);

  // Straight to the API, as her browser would send it: refused by the server, not only hidden.
  const res = await page.request.post(`/api/changes/${changeId}/approve`, {
    data: {},
    headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('own_change');
  const change = (await (await page.request.get(`/api/changes/${changeId}`)).json()) as {
    data: { state: string; approver: unknown };
  };
  expect(change.data).toMatchObject({ state: 'awaiting_approval', approver: null });
  expect(
    (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref))),
  ).toHaveLength(0);

  // She withdraws it: closed, nothing sent, the key free again.
  await page.goto(`/changes/${changeId}`);
  await review.getByRole('button', { name: 'Withdraw…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw this change?' });
  await dialog.getByRole('button', { name: 'Withdraw change' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Status: Withdrawn');
});
