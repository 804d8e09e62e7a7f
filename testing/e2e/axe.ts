import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * WCAG 2.1 A/AA rules; a serious or critical violation fails, lesser ones are tolerated. The page is checked once
 * settled: nothing `aria-busy` (a region being refreshed is dimmed on purpose) and no CSS transition in flight,
 * so contrast is measured on what a user reads, not on a fade.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n    ')}`,
  );
  expect(report, `${label}: axe found serious/critical violations`).toEqual([]);
}

/** The same check at a desktop width (1440) and a phone's (375), the viewport put back afterwards. */
export async function expectNoSeriousA11yViolationsAtBothWidths(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSeriousA11yViolations(page, `${label} at ${width} px`);
  }
  if (before) await page.setViewportSize(before);
}
