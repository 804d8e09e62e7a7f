import { expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('vera'));

test('[COSIGNERS][PAGING]: paging through a cosigner with 250 keys and back', async ({ page, seed }) => {
  expect(seed.keyCounts[seed.bigCosignerId]).toBe(250);
  await page.goto(`/cosigners/${seed.bigCosignerId}`);
  const table = page.getByRole('table', { name: 'API keys' });
  const rows = table.locator('tbody tr');
  const firstId = rows.first().locator('td').first().locator('code');
  const pager = page.getByRole('navigation', { name: 'Pagination' });
  const next = pager.getByRole('button', { name: 'Next page' });
  const previous = pager.getByRole('button', { name: 'Previous page' });
  /** The ids shown, once the page has settled (no placeholder rows from the previous page). */
  const settledIds = async (count: number) => {
    await expect(rows).toHaveCount(count);
    await expect(table).not.toHaveAttribute('aria-busy', 'true');
    return (await rows.locator('td:first-child code').allInnerTexts()).map((t) => t.trim());
  };

  await page.getByLabel('Rows per page').selectOption('100');
  await expect(page).toHaveURL(/pageSize=100/);

  const pages: string[][] = [await settledIds(100)];
  for (const count of [100, 50]) {
    const shownFirst = pages.at(-1)?.[0] ?? '';
    await next.click();
    await expect(firstId).not.toHaveText(shownFirst);
    pages.push(await settledIds(count));
  }
  await expect(next).toBeDisabled();
  const all = pages.flat();
  expect(all).toHaveLength(250);
  expect(new Set(all).size).toBe(250);

  // The page is in the URL: a reload shows the same rows.
  await page.reload();
  expect(await settledIds(50)).toEqual(pages[2]);

  // And back to the start, page by page.
  for (const expected of [pages[1], pages[0]]) {
    await previous.click();
    await expect(firstId).toHaveText(expected?.[0] ?? '');
    expect(await settledIds(100)).toEqual(expected);
  }
  await expect(previous).toBeDisabled();
});
