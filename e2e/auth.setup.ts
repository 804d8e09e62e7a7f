import { test as setup, expect } from '../testing/e2e/fixtures';
import { authFile, USERS, type UserName } from '../testing/e2e/users';

/** Where each role lands after sign-in (docs/contracts.md "Roles"). */
const LANDING: Record<UserName, RegExp> = {
  alice: /\/cosigners$/,
  bob: /\/cosigners$/,
  vera: /\/cosigners$/,
  nora: /\/no-access$/,
};

for (const user of Object.keys(USERS) as UserName[]) {
  setup(`sign in as ${user} through the dev IdP`, async ({ page, signIn }) => {
    await signIn(user);
    await expect(page).toHaveURL(LANDING[user]);
    await page.context().storageState({ path: authFile(user) });
  });
}
