import { expect, test } from '@playwright/test';

import { signInThroughIdp } from '../testing/e2e/idp-login';
import { SimControl } from '../testing/e2e/sim-control';
import { STANDALONE_APP_URL, STANDALONE_SIM_URL } from '../testing/e2e/standalone-env';

test('[STANDALONE]: the image’s server signs alice in, lists the cosigners and opens a key', async ({ page }) => {
  const seed = await new SimControl(STANDALONE_SIM_URL).seed();
  const ready = await page.request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ok: true });

  await signInThroughIdp(page, STANDALONE_APP_URL, 'alice', '/cosigners');
  await expect(page).toHaveURL(/\/cosigners$/);
  const cosigners = page.getByRole('table', { name: 'Cosigners' });
  const first = cosigners.getByRole('row').nth(1).getByRole('link');
  await expect(first).toBeVisible();
  expect(seed.cosignerIds.map((id) => `/cosigners/${id}`)).toContain(await first.getAttribute('href'));

  // Into a key through the UI: a cosigner's key list, then its first key's page (server-rendered and hydrated).
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const keyLink = page.getByRole('table', { name: 'API keys' }).locator('a[href*="/api-keys/"]:not([href$="/edit"])');
  await expect(keyLink.first()).toBeVisible();
  const href = (await keyLink.first().getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/cosigners\/[0-9a-f-]{36}\/api-keys\/[^/]+$/);
  await keyLink.first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'API key' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Callback handler' })).toBeVisible();
});
