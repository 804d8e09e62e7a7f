import type { Page } from '@playwright/test';

/**
 * Signs in through the dev IdP's real login form, the way a person does: the app's /auth/login sends the browser
 * to the IdP, the labelled form is filled and submitted, and the IdP redirects back to the app's callback.
 * Resolves once the browser is back on an app page (not /auth/*). Type-only Playwright import: benches use it too.
 */
export async function signInThroughIdp(page: Page, appUrl: string, login: string, returnTo = '/'): Promise<void> {
  await page.goto(new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, appUrl).toString());
  await submitIdpLoginForm(page, appUrl, login);
}

/** Fills and submits the dev IdP's login form already on the page; resolves once back on an app page. */
export async function submitIdpLoginForm(page: Page, appUrl: string, login: string): Promise<void> {
  const app = new URL(appUrl);
  await page.getByLabel('Username').fill(login);
  // The dev IdP accepts any password; typing one keeps the journey honest.
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === app.origin && !url.pathname.startsWith('/auth/'));
}
