import type { Locator, Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

/** How many lines an element's text takes (the distinct tops of its line boxes). */
const lineCount = (el: Locator) =>
  el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });

/** Every link of the main navigation is whole on screen: inside the viewport and not hidden by a clipping box. */
async function navLinksWhole(page: Page): Promise<string[]> {
  return page.locator('nav[aria-label="Main"]').evaluate((nav) => {
    const out: string[] = [];
    for (const a of nav.querySelectorAll('a')) {
      const r = a.getBoundingClientRect();
      const label = a.textContent?.trim() ?? '';
      if (r.left < 0 || r.right > window.innerWidth) out.push(`${label} spans ${r.left}–${r.right}`);
      // What a click on each end of the link would reach: the link itself unless something clips or covers it.
      for (const x of [r.left + 2, r.right - 2]) {
        const hit = document.elementFromPoint(x, r.top + r.height / 2);
        if (!hit || !a.contains(hit)) out.push(`${label} is cut at x=${x.toFixed(0)}`);
      }
    }
    return out;
  });
}

test.use(signedInAs('alice'));

for (const scheme of ['light', 'dark'] as const) {
  test(`[LAYOUT][HEADER][${scheme.toUpperCase()}]: at 1024-1920 the header keeps one line, the email whole; at 375 every section is in reach`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/cosigners');
    const header = page.getByRole('banner');
    const product = header
      .getByRole('link', { name: 'Cosigner Console' })
      .getByText('Cosigner Console', { exact: true });
    const signOut = header
      .getByRole('button', { name: 'Sign out', exact: true })
      .getByText('Sign out', { exact: true });
    const email = header.getByText('alice@', { exact: false });
    // One navigation in the page, restyled by breakpoint (not a copy per screen size).
    await expect(page.locator('nav[aria-label="Main"]')).toHaveCount(1);

    for (const width of [1024, 1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(email).toBeVisible();
      expect(await lineCount(product), `product name at ${width}px`).toBe(1);
      expect(await lineCount(signOut), `"Sign out" at ${width}px`).toBe(1);
      expect(
        await email.evaluate((el) => el.scrollWidth - el.clientWidth),
        `email cut at ${width}px`,
      ).toBeLessThanOrEqual(0);
      expect(await navLinksWhole(page), `nav at ${width}px`).toEqual([]);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectNoSeriousA11yViolations(page, `header (1440, ${scheme})`);

    await page.setViewportSize({ width: 375, height: 812 });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Audit/ })).toBeVisible();
    expect(await navLinksWhole(page), 'nav at 375px').toEqual([]);
    expect(await lineCount(product), 'product name at 375px').toBe(1);
    await expectNoSeriousA11yViolations(page, `header (375, ${scheme})`);
  });
}
