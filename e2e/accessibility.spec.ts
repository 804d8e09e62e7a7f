import type { Page } from '@playwright/test';

import { seedSummary } from '../sim/seed';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { consolePages, type ConsolePage } from '../testing/e2e/pages';

// The page list is built from the default seed here (test titles must be known before any fixture runs);
// the fixture-based `seed` of the running simulator is checked against it below.
const PAGES = consolePages(seedSummary());

/**
 * The page shows its data: the ready text, and no error state (every one is a role="alert" with text) or loading
 * placeholder (role="status", "Loading …") left. A page that failed must fail here, not be scanned as if it were fine.
 */
async function expectReady(page: Page, p: ConsolePage): Promise<void> {
  await expect(page.getByText(p.ready).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveCount(0);
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`[A11Y][${scheme.toUpperCase()}]: axe finds no serious violations`, () => {
    for (const p of PAGES) {
      test.describe(p.name, () => {
        if (p.user) test.use(signedInAs(p.user));
        test(`${p.path} as ${p.user ?? 'a visitor'}`, async ({ page, seed }) => {
          expect(seed.bigCosignerId).toBe(seedSummary().bigCosignerId);
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(p.path);
          await expectReady(page, p);
          await expectNoSeriousA11yViolations(page, `${p.name} (${scheme})`);
        });
      });
    }
  });
}

// Small screens: the lists turn into stacked cards and the edit form reorders; the same rules hold there.
const SMALL_SCREEN_PAGES = new Set([
  'cosigners',
  'cosigner',
  'edit-public-key',
  'audit-viewer',
  'changes',
  'inbox',
  'sessions',
]);
test.describe('[A11Y][375]: axe finds no serious violations on a 375 px screen', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const p of PAGES.filter((page) => SMALL_SCREEN_PAGES.has(page.name))) {
    test.describe(p.name, () => {
      if (p.user) test.use(signedInAs(p.user));
      for (const scheme of ['light', 'dark'] as const) {
        test(`${p.path} as ${p.user ?? 'a visitor'} (${scheme})`, async ({ page }) => {
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(p.path);
          await expectReady(page, p);
          await expectNoSeriousA11yViolations(page, `${p.name} (375, ${scheme})`);
        });
      }
    });
  }
});
