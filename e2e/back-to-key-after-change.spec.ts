import { approveAs } from '../testing/e2e/api-helpers';
import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

test('[CHANGES][BACK]: after a completed change, Back returns to the list page that holds the key, row marked, with a toast', async ({
  page,
  seed,
}) => {
  const cosignerId = seed.bigCosignerId;
  await page.goto(`/cosigners/${cosignerId}`);
  await expect(page).toHaveTitle('Treasury SGX · Cosigners · Cosigner Console');
  const table = page.getByRole('table', { name: 'API keys' });
  const rows = table.locator('tbody tr');
  const heading = page.getByRole('heading', { name: 'API keys', exact: true });
  const firstOfPage1 = (await rows.first().locator('td').first().locator('code').innerText()).trim();

  // Paging from the controls under the rows brings the top of the table back into view.
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next page' }).click();
  await expect(rows.first().locator('td').first().locator('code')).not.toHaveText(firstOfPage1);
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  await expect(page).toHaveURL(/cursor=/);
  await expect(heading).toBeInViewport();
  const listUrl = new URL(page.url());

  // A key on page 2, changed from its row's Edit.
  const apiKeyId = (await rows.nth(2).locator('td').first().locator('code').innerText()).trim();
  const ref = { cosignerId, apiKeyId };
  await table.getByRole('link', { name: `Edit callback handler for ${apiKeyId}` }).click();
  const edit = new EditHandlerPage(page, ref);
  await expect(edit.url).toBeEditable();
  await edit.fill({
    url: `https://callbacks.example.com/back-${Date.now().toString(36)}`,
    mode: 'publicKey',
    pem: rsaKeyPair(2048, 'e2e-back-to-key').publicKeyPem,
  });
  await edit.reviewAndSend();
  const changeId = await edit.changePage();
  await expect(page).toHaveTitle(`Change · ${changeId.slice(0, 6)} · Cosigner Console`);

  // With approvals on (the default), a second admin approves; with CHANGE_APPROVALS=0 it was sent at once.
  const read = await page.request.get(`/api/changes/${changeId}`);
  const { data } = (await read.json()) as { data: { state: string } };
  if (data.state === 'awaiting_approval') await approveAs('bob', changeId);
  await expect(edit.status()).toContainText('Status: Completed', { timeout: 30_000 });

  await page.getByRole('link', { name: 'Back to the key list' }).click();
  await expect(page).toHaveURL(new RegExp(`/cosigners/${cosignerId}\\?`));
  const back = new URL(page.url());
  expect(back.searchParams.get('cursor')).toBe(listUrl.searchParams.get('cursor'));
  expect(back.searchParams.get('highlight')).toBe(apiKeyId);
  const row = table.locator('tbody tr[data-highlighted]');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: apiKeyId, exact: true })).toBeVisible();
  await expect(row).toBeInViewport();
  await expect(page.getByRole('status').filter({ hasText: 'updated' })).toContainText(
    `Callback handler of …${apiKeyId.slice(-6)} updated`,
  );
  await expectNoSeriousA11yViolations(page, 'key list with the updated key marked and its toast');
});
