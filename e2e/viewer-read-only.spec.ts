import { patchAsBrowser, upstreamKeyPath, validHandlerBody } from './api-helpers';
import { EditHandlerPage } from './edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from './fixtures';
import { seededKey } from './seed-keys';

test.use(signedInAs('vera'));

test('[CALLBACKS][VIEWER]: a viewer sees every key read-only and a direct PATCH is refused', async ({ page, sim }) => {
  const ref = seededKey('publicKey', 2);
  await page.goto(`/cosigners/${ref.cosignerId}`);
  const keys = page.getByRole('table', { name: 'API keys' });
  await expect(keys.getByRole('row').filter({ hasText: ref.apiKeyId })).toBeVisible();
  // Everything is there to read, nothing to change.
  await expect(page.getByRole('link', { name: /^Edit callback handler/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /edit/i })).toHaveCount(0);

  // The edit page itself does not exist for a viewer: a real 404 (the role check runs before anything streams), the
  // not-found UI, not the form.
  const edit = await page.goto(EditHandlerPage.path(ref));
  expect(edit?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /not (be )?found/i })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Change callback handler' })).toHaveCount(0);

  // And the API refuses the change with the viewer's own session; Fireblocks never hears of it.
  const res = await patchAsBrowser(page.request, APP_ORIGIN, ref, validHandlerBody());
  expect(res.status()).toBe(403);
  const upstream = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
  expect(upstream).toEqual([]);
});
