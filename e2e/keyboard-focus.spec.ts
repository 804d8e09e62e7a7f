import type { Locator, Page } from '@playwright/test';

import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

/** Read only: the dialog is opened and closed, never sent. */
const READ_KEY = seededKey('publicKey', 12);
/** Its own key: the change this journey sends stays open on it. */
const SENT_KEY = seededKey('publicKey', 13);

test.use(signedInAs('alice'));

/** Presses a key `times` times and returns where focus was after each press: inside `container` or not. */
async function focusTrail(page: Page, container: Locator, key: string, times: number): Promise<string[]> {
  const outside: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const where = await container.evaluate((dialog) => {
      const el = document.activeElement;
      return el && dialog.contains(el)
        ? null
        : `${el?.tagName.toLowerCase() ?? 'nothing'} ${el?.textContent?.slice(0, 30) ?? ''}`;
    });
    if (where) outside.push(`after ${key} #${i + 1}: ${where}`);
  }
  return outside;
}

test('[A11Y][NAMES]: "Fix URL" is named by its visible label first (WCAG 2.5.3)', async ({ page }) => {
  await page.goto('/findings');
  const fixes = page.getByRole('link').filter({ hasText: /^Fix URL$/ });
  await expect(fixes.first()).toBeVisible();
  for (const fix of await fixes.all()) await expect(fix).toHaveAccessibleName(/^Fix URL\b/);
  // And a speech user saying what they see reaches it.
  await expect(page.getByRole('link', { name: /^Fix URL/ }).first()).toBeVisible();
});

test('[A11Y][DIALOG]: Tab and Shift+Tab cycle inside the confirmation dialog, never out to the page', async ({
  page,
}) => {
  const edit = new EditHandlerPage(page, READ_KEY);
  await edit.open();
  await edit.fill({
    url: 'https://callbacks.example.com/focus-trap',
    mode: 'publicKey',
    pem: rsaKeyPair(2048, 'focus-trap').publicKeyPem,
  });
  await edit.review.click();
  await expect(edit.dialog).toBeVisible();
  await expect(edit.dialog.getByLabel(/Type the last six characters/)).toBeFocused();
  expect(await focusTrail(page, edit.dialog, 'Tab', 24)).toEqual([]);
  expect(await focusTrail(page, edit.dialog, 'Shift+Tab', 24)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(edit.dialog).toBeHidden();
  await expect(edit.review).toBeFocused();
});

test('[A11Y][FOCUS]: after a change is submitted, focus is on the heading of its page, not on <body>', async ({
  page,
}) => {
  const edit = new EditHandlerPage(page, SENT_KEY);
  const tag = Date.now().toString(36);
  await edit.open();
  await edit.fill({
    url: `https://focus-${tag}.example.com/cosigner`,
    mode: 'publicKey',
    pem: rsaKeyPair(2048, `focus-${tag}`).publicKeyPem,
  });
  await edit.reviewAndSend(`focus after submit ${tag}`);
  await edit.changePage();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
});

test('[A11Y][KEYS]: "/" focuses search from anywhere but a text field', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/cosigners');
  await expect(page.getByText('Treasury SGX').first()).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search keys and cosigners' });
  // The list is server-rendered: it shows before the shortcut's listener is attached (hydration), and a "/" pressed
  // then does nothing at all, so it is pressed again until the page has hydrated.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(search).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.type('treasury');
  // The slash itself is not typed into the box.
  await expect(search).toHaveValue('treasury');

  // In a text field "/" is a character like any other.
  const filter = page
    .getByRole('searchbox')
    .and(page.getByLabel(/filter/i))
    .first();
  if (await filter.count()) {
    await filter.fill('');
    await filter.press('/');
    await expect(filter).toHaveValue('/');
  }

  // On a small screen the header's box gives way to the search page's: "/" takes you to it.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/cosigners');
  await expect(page.getByText('Treasury SGX').first()).toBeVisible();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('searchbox').first()).toBeFocused();
});
