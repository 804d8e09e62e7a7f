import type { Dialog } from '@playwright/test';

import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

/** Read only: the form is filled and left, never sent. */
const REF = seededKey('publicKey', 27);
const KEY_PATH = `/cosigners/${REF.cosignerId}/api-keys/${REF.apiKeyId}`;
const TYPED = 'https://callbacks.example.com/not-sent-yet';

test.use(signedInAs('alice'));

test('[CALLBACKS][LEAVE]: leaving a form with unsaved input asks in the app’s own dialog (links, Back); closing the tab keeps the browser’s prompt', async ({
  page,
}) => {
  const nativeDialogs: string[] = [];
  const onDialog = (d: Dialog) => {
    nativeDialogs.push(d.type());
    void d.dismiss();
  };
  page.on('dialog', onDialog);
  const edit = new EditHandlerPage(page, REF);
  const ask = page.getByRole('alertdialog', { name: 'Discard your unsaved change?' });
  const breadcrumbCosigners = page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Cosigners' });

  await page.goto(KEY_PATH);
  await edit.open();
  await edit.url.fill(TYPED);

  // An in-app link: the dialog, and Stay keeps everything.
  await breadcrumbCosigners.click();
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Stay' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'leave dialog');
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${EditHandlerPage.path(REF)}$`));
  await expect(edit.url).toHaveValue(TYPED);

  // Back: the same dialog; Stay keeps the page, Discard goes back for real.
  await page.goBack({ waitUntil: 'commit' });
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${EditHandlerPage.path(REF)}$`));
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(edit.url).toHaveValue(TYPED);
  await page.goBack({ waitUntil: 'commit' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(page).toHaveURL(new RegExp(`${KEY_PATH}$`));
  await expect(page.getByText('SHA-256 fingerprint').first()).toBeVisible();

  // A link again, this time Discard: the link is followed.
  await edit.open();
  await edit.url.fill(TYPED);
  await breadcrumbCosigners.click();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(page).toHaveURL(/\/cosigners$/);
  await expect(page.getByText('Treasury SGX').first()).toBeVisible();
  expect(nativeDialogs, 'no window.confirm() or browser prompt on in-app navigation').toEqual([]);

  // Closing the tab: only the browser's own prompt is possible there, and it is still asked for.
  await edit.open();
  await edit.url.fill(TYPED);
  page.off('dialog', onDialog);
  const prompt = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});
