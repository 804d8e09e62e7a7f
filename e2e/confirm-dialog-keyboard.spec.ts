import type { Locator } from '@playwright/test';

import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

/** Read only: the dialog is opened and closed, never sent. */
const REF = seededKey('publicKey', 26);

test.use(signedInAs('alice'));

async function openForm(edit: EditHandlerPage): Promise<void> {
  await edit.open();
  await edit.fill({
    url: 'https://callbacks.example.com/keyboard',
    mode: 'publicKey',
    pem: rsaKeyPair(2048, 'keyboard').publicKeyPem,
  });
  await expect(edit.review).toBeEnabled();
}

/** How far a button's background is from grey: 0 for zinc, large for indigo (any CSS colour, through a canvas). */
async function saturation(button: Locator): Promise<number> {
  return button.evaluate((b) => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = getComputedStyle(b).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, bl = 0] = ctx.getImageData(0, 0, 1, 1).data;
    return Math.max(r, g, bl) - Math.min(r, g, bl);
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
]) {
  test.describe(`${viewport.width} px`, () => {
    test.use({ viewport });

    test(`[CALLBACKS][CONFIRM][KEYBOARD]: focus starts in the code, returns to "Review change" on Escape and Cancel (${viewport.width} px)`, async ({
      page,
    }) => {
      const edit = new EditHandlerPage(page, REF);
      await openForm(edit);
      const code = edit.dialog.getByLabel(/Type the last six characters/);

      await edit.review.click();
      await expect(edit.dialog).toBeVisible();
      await expect(code).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(edit.dialog).toBeHidden();
      await expect(edit.review).toBeFocused();

      // Again from the keyboard alone: Enter on the focused button, then Cancel.
      await page.keyboard.press('Enter');
      await expect(edit.dialog).toBeVisible();
      await expect(code).toBeFocused();
      await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(edit.dialog).toBeHidden();
      await expect(edit.review).toBeFocused();
    });
  });
}

test('[CALLBACKS][CONFIRM][KEYBOARD]: a wrong code with Enter says why, tied to the field; nothing is sent', async ({
  page,
}) => {
  const edit = new EditHandlerPage(page, REF);
  await openForm(edit);
  await edit.review.click();
  const code = edit.dialog.getByLabel(/Type the last six characters/);
  await expect(code).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(code).toHaveAccessibleDescription(
    `Type ${REF.apiKeyId.slice(-6)}, the last six characters of the API key ID, to confirm.`,
  );
  await expect(code).toHaveAttribute('aria-invalid', 'true');

  await code.fill('zzzzzz');
  await page.keyboard.press('Enter');
  await expect(code).toHaveAccessibleDescription(
    `“zzzzzz” does not match: type ${REF.apiKeyId.slice(-6)}, the last six characters of the API key ID.`,
  );
  await expect(edit.dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${EditHandlerPage.path(REF)}$`));
  await expectNoSeriousA11yViolations(page, 'confirm dialog with a wrong code');

  // The right code clears the message and enables sending.
  await code.fill(REF.apiKeyId.slice(-6));
  await expect(code).not.toHaveAttribute('aria-invalid', 'true');
  await expect(edit.submit).toBeEnabled();
  await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('[CALLBACKS][CONFIRM][DARK]: the disabled send button looks disabled in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const edit = new EditHandlerPage(page, REF);
  await openForm(edit);
  await edit.review.click();
  const send = edit.submit;
  await expect(send).toBeDisabled();
  expect(await send.evaluate((b) => getComputedStyle(b).cursor)).toBe('not-allowed');
  // Polled: the colour eases between states (transition-colors).
  await expect.poll(() => saturation(send), { message: 'a disabled button is grey' }).toBeLessThan(24);

  await edit.dialog.getByLabel(/Type the last six characters/).fill(REF.apiKeyId.slice(-6));
  await expect(send).toBeEnabled();
  await expect.poll(() => saturation(send), { message: 'an enabled button is indigo' }).toBeGreaterThan(80);
  await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
});
