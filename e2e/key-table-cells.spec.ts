import type { Page } from '@playwright/test';

import { seedSummary } from '../sim/seed';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';

const SEED = seedSummary();
const WIDTHS = [1024, 1152, 1280, 1366, 1440, 1680, 1920];

/**
 * Every piece of every cell of the API keys table, measured against its cell's box: elements by their border box,
 * text by its own line boxes (a Range), so a word that spills into the next column counts even when its element
 * does not. Returns what leaves its cell, described for the failure message.
 */
async function cellOverflows(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'API keys' }).evaluate((table) => {
    const out: string[] = [];
    const inside = (r: DOMRect, cell: DOMRect) =>
      r.width === 0 || (r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5);
    for (const td of table.querySelectorAll('tbody td')) {
      const cell = td.getBoundingClientRect();
      const column = td.getAttribute('data-label') ?? `column ${(td as HTMLTableCellElement).cellIndex + 1}`;
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const rects =
          node.nodeType === Node.TEXT_NODE
            ? (() => {
                const range = document.createRange();
                range.selectNodeContents(node);
                return [...range.getClientRects()];
              })()
            : [(node as Element).getBoundingClientRect()];
        const bad = rects.find((r) => !inside(r, cell));
        if (bad) {
          const what = node.nodeType === Node.TEXT_NODE ? `"${node.textContent?.trim().slice(0, 40)}"` : node.nodeName;
          out.push(
            `${column}: ${what} spans ${bad.left.toFixed(0)}–${bad.right.toFixed(0)}, cell ${cell.left.toFixed(0)}–${cell.right.toFixed(0)}`,
          );
          break;
        }
      }
      if (td.scrollWidth > td.clientWidth + 1)
        out.push(`${column}: content ${td.scrollWidth}px wide in ${td.clientWidth}px`);
    }
    return out.slice(0, 12);
  });
}

/** Cosigners whose keys show every kind of cell: 250 keys (long ids, ages), and the findings' keys (a 72-character host, "Not configured", "Never"). */
const COSIGNERS = [
  { name: 'the 250-key cosigner', id: SEED.bigCosignerId },
  { name: "the findings' cosigner", id: SEED.keyNotSeen.cosignerId },
  { name: 'a cosigner with a certificate key', id: SEED.keyWithCert.cosignerId },
];

test.use(signedInAs('alice'));

for (const scheme of ['light', 'dark'] as const) {
  test(`[LAYOUT][KEYS][${scheme.toUpperCase()}]: no cell's content leaves its cell at any width from 1024 to 1920`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const cosigner of COSIGNERS) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`/cosigners/${cosigner.id}`);
      const rows = page.getByRole('table', { name: 'API keys' }).locator('tbody tr');
      await expect(rows.first()).toBeVisible();
      // The findings' badges arrive after the rows (a walk of the workspace): measure the rows as they end up.
      await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        expect(await cellOverflows(page), `${cosigner.name} at ${width}px (${scheme})`).toEqual([]);
      }
      // The table never needs a sideways scroll on a desktop screen either.
      await page.setViewportSize({ width: 1024, height: 900 });
      const scroller = page.getByRole('table', { name: 'API keys' }).locator('xpath=..');
      expect(
        await scroller.evaluate((el) => el.scrollWidth - el.clientWidth),
        `${cosigner.name}: sideways scroll`,
      ).toBeLessThanOrEqual(1);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectNoSeriousA11yViolations(page, `keys table (1440, ${scheme})`);
  });
}
