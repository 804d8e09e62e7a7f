import type { Browser, BrowserContext, Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { e2eEnv } from '../testing/e2e/e2e-env';
import { APP_ORIGIN, expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';
import { signInThroughIdp, submitIdpLoginForm } from '../testing/e2e/idp-login';
import { authFile } from '../testing/e2e/users';

/** Bob: "sign out everywhere else" ends his saved session too, which is saved again from the survivor at the end. */
const USER = 'bob';

async function signedInBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughIdp(page, e2eEnv.TEST_APP_URL, USER, '/cosigners');
  return { context, page };
}

test('[AUTH][SESSIONS]: bob recognises his other browser by browser, system and address, signs it out, and that browser must type his password again', async ({
  browser,
}) => {
  const laptop = await signedInBrowser(browser);
  const desktop = await signedInBrowser(browser);
  try {
    // The list names each session as people know it: browser and system, the address it signed in from.
    const { page } = desktop;
    await page.goto('/account/sessions');
    const table = page.getByRole('table', { name: 'Your active sessions' });
    const rows = table.getByRole('row');
    const here = rows.filter({ hasText: 'This browser' });
    await expect(here).toHaveCount(1);
    // The browser's own User-Agent, as the journey's device sets it, and the loopback address it came from.
    await expect(here).toContainText(/Chrome \d+ on \w+/);
    await expect(here).toContainText(/127\.0\.0\.1|::1/);
    await expect(rows.filter({ hasNotText: 'This browser' }).nth(1)).toContainText(/Chrome \d+ on \w+/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoSeriousA11yViolations(page, `sessions with browsers and addresses (${scheme})`);
    }

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(page.getByText('You are signed in in this browser only.')).toBeVisible();

    // The laptop still holds its (revoked) cookie and its IdP session. Its next visit must not slip back in through
    // that IdP session: the IdP asks for the password.
    await laptop.page.goto('/cosigners');
    await laptop.page.waitForURL((url) => url.origin === IDP_ORIGIN);
    await expect(laptop.page.getByLabel('Password')).toBeVisible();
    await expect(laptop.page.getByLabel('Username')).toHaveValue('');
    await submitIdpLoginForm(laptop.page, e2eEnv.TEST_APP_URL, USER);
    await expect(laptop.page).toHaveURL(`${APP_ORIGIN}/cosigners`);

    // Signed in again, it is listed again; a later visit of an ordinary kind needs no password.
    await page.reload();
    await expect(rows).toHaveCount(3);
    await laptop.page.goto('/account/sessions');
    await expect(laptop.page.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  } finally {
    // Later journeys start from bob's saved session, which "sign out everywhere else" ended: save a live one.
    await desktop.context.storageState({ path: authFile(USER) });
    await laptop.context.close();
    await desktop.context.close();
  }
});
