import type { BrowserContext } from '@playwright/test';

import { APP_ORIGIN, expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';

/** The app's session cookie in a browser context (`cc_session`, or `__Host-cc_session` behind https). */
async function sessionCookieOf(context: BrowserContext) {
  const cookie = (await context.cookies(APP_ORIGIN)).find((c) => /(^|-)cc_session$/.test(c.name));
  if (!cookie) throw new Error('no session cookie after sign-in');
  return cookie;
}

test('[AUTH][SIGN-OUT]: a session cookie copied before sign-out is refused at once, by the API and the pages', async ({
  page,
  context,
  browser,
  signIn,
}) => {
  // A fresh sign-in of her own, not the shared saved state other journeys use.
  await signIn('alice', '/cosigners');
  await expect(page.getByRole('heading', { level: 1, name: 'Cosigners' })).toBeVisible();
  const copied = await sessionCookieOf(context);
  const asCopy = { cookie: `${copied.name}=${copied.value}` };
  // Before sign-out the copy works like the original.
  expect((await fetch(`${APP_ORIGIN}/api/me`, { headers: asCopy })).status).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${APP_ORIGIN}/`);

  // The copy names a revoked session: 401 on the API, and pages send it to sign-in.
  const me = await fetch(`${APP_ORIGIN}/api/me`, { headers: asCopy });
  expect(me.status).toBe(401);
  expect(await me.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  const list = await fetch(`${APP_ORIGIN}/cosigners`, { headers: asCopy, redirect: 'manual' });
  expect([302, 303, 307]).toContain(list.status);
  expect(new URL(list.headers.get('location') ?? '', APP_ORIGIN).pathname).toBe('/auth/login');
  await list.body?.cancel();

  // The same in a browser that holds only the copied cookie: off to the IdP's sign-in form.
  const other = await browser.newContext();
  try {
    await other.addCookies([copied]);
    const otherPage = await other.newPage();
    await otherPage.goto('/cosigners');
    await expect(otherPage).toHaveURL((url) => url.origin === IDP_ORIGIN);
    await expect(otherPage.getByLabel('Username')).toBeVisible();
  } finally {
    await other.close();
  }
});
