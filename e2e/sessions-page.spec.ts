import type { Browser, BrowserContext, Page } from '@playwright/test';

import { APP_ORIGIN, expect, test } from '../testing/e2e/fixtures';
import { e2eEnv } from '../testing/e2e/e2e-env';
import { signInThroughIdp } from '../testing/e2e/idp-login';

/**
 * Bob, not alice: "sign out everywhere else" ends every other session of the user, and alice's saved session is the
 * one other journeys start from.
 */
const USER = 'bob';

async function signedInBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughIdp(page, e2eEnv.TEST_APP_URL, USER, '/cosigners');
  return { context, page };
}

const meStatus = async (page: Page) => (await page.request.get(`${APP_ORIGIN}/api/me`)).status();

test('[AUTH][SESSIONS]: bob, signed in twice, ends the other browser’s session from his sessions page', async ({
  browser,
}) => {
  const first = await signedInBrowser(browser);
  const second = await signedInBrowser(browser);
  try {
    expect(await meStatus(first.page)).toBe(200);

    // From the header's user badge to the sessions page: this browser marked, the other listed.
    const { page } = second;
    await page
      .getByRole('banner')
      .getByRole('link', { name: /your sessions/i })
      .click();
    await expect(page).toHaveURL(`${APP_ORIGIN}/account/sessions`);
    await expect(page.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Your active sessions' }).getByRole('row');
    await expect(rows.filter({ hasText: 'This browser' })).toHaveCount(1);
    expect(await rows.count()).toBeGreaterThanOrEqual(3); // header + this + the first browser

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(page.getByText('You are signed in in this browser only.')).toBeVisible();
    await expect(rows).toHaveCount(2);

    // The first browser's session is over at once; this one goes on.
    expect(await meStatus(first.page)).toBe(401);
    const pageLoad = await first.page.request.get(`${APP_ORIGIN}/cosigners`, { maxRedirects: 0 });
    expect(new URL(pageLoad.headers().location ?? '', APP_ORIGIN).pathname).toBe('/auth/login');
    expect(await meStatus(page)).toBe(200);

    // One session ended by its own row's Sign out.
    const third = await signedInBrowser(browser);
    try {
      expect(await meStatus(third.page)).toBe(200);
      await page.reload();
      await expect(rows).toHaveCount(3);
      await rows
        .filter({ hasNotText: 'This browser' })
        .getByRole('button', { name: /^Sign out session/ })
        .click();
      await expect(rows).toHaveCount(2);
      expect(await meStatus(third.page)).toBe(401);
      expect(await meStatus(page)).toBe(200);
    } finally {
      await third.context.close();
    }
  } finally {
    await first.context.close();
    await second.context.close();
  }
});
