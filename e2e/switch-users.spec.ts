import type { Page } from '@playwright/test';

import { APP_ORIGIN, expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';
import { e2eEnv } from '../testing/e2e/e2e-env';
import { submitIdpLoginForm } from '../testing/e2e/idp-login';
import { seededKey } from '../testing/e2e/seed-keys';

/** Signs out from the header and starts the next sign-in from the landing page: the IdP must ask who it is. */
async function signOutThenExpectIdpForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Through the IdP's end_session_endpoint (it asks nothing: the console sent an id_token_hint) back to the landing page.
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);
  expect((await page.request.get(`${APP_ORIGIN}/api/me`)).status()).toBe(401);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.origin === IDP_ORIGIN);
  await expect(page.getByLabel('Username')).toBeVisible();
}

/** The header's user badge: the user's email (unique there; the name also has a screen-reader copy) and role. */
async function expectSignedInAs(page: Page, login: string, role: 'Admin' | 'Viewer'): Promise<void> {
  const banner = page.getByRole('banner');
  await expect(banner.getByText(`${login}@example.test`, { exact: true })).toBeVisible();
  await expect(banner.getByText(role, { exact: true })).toBeVisible();
}

test('[AUTH][SWITCH-USERS]: alice, bob and vera take turns in one browser, each asked by the IdP who they are', async ({
  page,
  signIn,
}) => {
  const ref = seededKey('publicKey', 2);
  const cosignerPage = `/cosigners/${ref.cosignerId}`;
  const editLinks = page.getByRole('link', { name: /^Edit callback handler/ });

  await signIn('alice', cosignerPage);
  await expectSignedInAs(page, 'alice', 'Admin');
  await expect(editLinks.first()).toBeVisible();

  // Without RP-initiated logout the IdP session would sign alice straight back in here.
  await signOutThenExpectIdpForm(page);
  await submitIdpLoginForm(page, e2eEnv.TEST_APP_URL, 'bob');
  await expect(page).toHaveURL(`${APP_ORIGIN}/cosigners`);
  await expectSignedInAs(page, 'bob', 'Admin');
  await expect(page.getByRole('banner').getByText('alice@example.test')).toHaveCount(0);

  await signOutThenExpectIdpForm(page);
  await submitIdpLoginForm(page, e2eEnv.TEST_APP_URL, 'vera');
  await expectSignedInAs(page, 'vera', 'Viewer');
  // The viewer's view: the same keys, nothing to change.
  await page.goto(cosignerPage);
  await expect(
    page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: ref.apiKeyId }),
  ).toBeVisible();
  await expect(editLinks).toHaveCount(0);
  expect((await page.request.get(`${APP_ORIGIN}/api/me`)).status()).toBe(200);
});
