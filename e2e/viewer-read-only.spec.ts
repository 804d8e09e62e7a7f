import { patchAsBrowser, upstreamKeyPath, validHandlerBody } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('vera'));

test('[CALLBACKS][VIEWER]: a viewer reads every key, is sent from Edit to the key page, and a direct PATCH is refused', async ({
  page,
  sim,
}) => {
  const ref = seededKey('publicKey', 15);
  const keyPath = `/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}`;
  await page.goto(`/cosigners/${ref.cosignerId}`);
  const keys = page.getByRole('table', { name: 'API keys' });
  await expect(keys.getByRole('row').filter({ hasText: ref.apiKeyId })).toBeVisible();
  // Everything is there to read, nothing to change.
  await expect(page.getByRole('link', { name: /^Edit callback handler/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /edit/i })).toHaveCount(0);

  // The key page reads the handler in full (its URL, the whole fingerprint) and offers no Edit.
  await keys.getByRole('link', { name: ref.apiKeyId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${keyPath}$`));
  const details = page.getByRole('region', { name: 'Callback handler' });
  await expect(details.getByText(/^https:\/\//)).toBeVisible();
  await expect(details.getByText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)).toBeVisible();
  await expect(page.getByRole('link', { name: /edit/i })).toHaveCount(0);

  // A viewer who opens the edit page (a shared link, a bookmark) lands on the read-only key page, not on the form.
  // It says why there is no form.
  await page.goto(EditHandlerPage.path(ref));
  await expect(page).toHaveURL(new RegExp(`${keyPath}\\?from=edit$`));
  await expect(page.getByRole('heading', { level: 1, name: 'API key' })).toBeVisible();
  const why = page.getByRole('note').filter({ hasText: 'You opened the page that changes' });
  await expect(why).toContainText('you are signed in as a viewer');
  await expect(why).toContainText('only admins can change one');
  await expect(page.getByRole('region', { name: 'Callback handler' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Change callback handler' })).toHaveCount(0);

  // And the API refuses the change with the viewer's own session; Fireblocks never hears of it.
  const res = await patchAsBrowser(page.request, APP_ORIGIN, ref, validHandlerBody());
  expect(res.status()).toBe(403);
  const upstream = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) =>
    e.path.startsWith(upstreamKeyPath(ref)),
  );
  expect(upstream).toEqual([]);
});
