import type { Page } from '@playwright/test';

import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { authFile } from '../testing/e2e/users';

/** The count of changes waiting for the page's user, as the API says (the baseline other journeys may have left). */
async function waitingCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/changes/waiting');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { count: number }).count;
}

const waitingName = (count: number) =>
  count === 0 ? /^Changes$/ : new RegExp(`^Changes ?, ${count} changes? waiting for your approval$`);

test('[CHANGES][WAITING]: alice proposes, bob’s header counts it without a reload, and drops it once bob declines', async ({
  browser,
}) => {
  const ref = seededKey('publicKey', 30);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext({ storageState: authFile('bob') });
  try {
    const bobPage = await bob.newPage();
    await bobPage.goto('/cosigners');
    const changesLink = bobPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Changes/ });
    const baseline = await waitingCount(bobPage);
    await expect(changesLink).toHaveAccessibleName(waitingName(baseline));
    // Set in this document: still there at the end means the page was never reloaded.
    await bobPage.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    // alice proposes through the API: the change waits for another admin.
    const alicePage = await alice.newPage();
    const aliceBaseline = await waitingCount(alicePage);
    const res = await patchAsBrowser(alicePage.request, APP_ORIGIN, ref, validHandlerBody(`waiting-${Date.now()}`));
    expect(res.status(), await res.text()).toBe(201);
    const changeId = ((await res.json()) as { change: { id: string } }).change.id;

    // bob's header picks it up by itself (read every 15 s while the tab is visible).
    await expect(changesLink).toHaveAccessibleName(waitingName(baseline + 1), { timeout: 20_000 });
    await expect(changesLink.getByTestId('waiting-count')).toHaveText(String(baseline + 1));
    // alice's own proposal does not wait for her.
    expect(await waitingCount(alicePage)).toBe(aliceBaseline);

    // bob declines it: the count goes back (no badge at all when nothing else waits).
    const decline = await bobPage.request.post(`/api/changes/${changeId}/decline`, {
      data: { reason: 'Not this handler' },
      headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(decline.status(), await decline.text()).toBe(200);
    await expect(changesLink).toHaveAccessibleName(waitingName(baseline), { timeout: 20_000 });
    if (baseline === 0) await expect(changesLink.getByTestId('waiting-count')).toHaveCount(0);
    expect(await bobPage.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    await alice.close();
    await bob.close();
  }
});
