import { randomUUID } from 'node:crypto';

import { seedSummary } from '../sim/seed';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

test('[ERRORS]: a failed load shows one consistent error card with copyable ids, and no controls for data never loaded', async ({
  page,
  context,
  sim,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
  // Fireblocks answers every cosigner read with a 503 until the faults are cleared.
  await sim.setFaults({ status: 503, match: { method: 'GET', pathPrefix: '/v1/cosigners' } });
  try {
    await page.goto('/cosigners');
    const main = page.getByRole('main');
    const card = main.getByRole('alert');
    await expect(card).toContainText('Could not load cosigners', { timeout: 30_000 });
    await expect(card).toHaveCount(1);
    // Whose status is whose: Fireblocks' 503 in the message, the console's own answer labelled as such.
    await expect(card).toContainText('Fireblocks failed to answer (HTTP 503)');
    await expect(card).toContainText('Console answered');
    await expect(card).toContainText('HTTP 502');
    await expect(card).not.toContainText(/Status\s*502/);
    // The console's request id is copyable like the Fireblocks one.
    await card.getByRole('button', { name: 'Copy Console request ID' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\S{8,}/);
    await expect(card).toContainText(copied);
    // Nothing loaded, so nothing to filter, size or page through.
    await expect(page.getByLabel('Filter this page (Fireblocks has no search)')).toHaveCount(0);
    await expect(page.getByLabel('Rows per page')).toHaveCount(0);
    await expect(page.getByText(/Page 1 ·/)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'cosigners list that failed to load');

    // The cosigner page: its cosigner read and its key list read fail alike, and one card says so.
    await page.goto(`/cosigners/${seedSummary().bigCosignerId}`);
    await expect(main.getByRole('alert').first()).toContainText('Could not load this cosigner', { timeout: 30_000 });
    await expect(main.getByRole('alert')).toHaveCount(1);
    await expect(main.getByRole('alert')).toContainText('Fireblocks failed to answer (HTTP 503)');
    await expect(main.getByRole('alert')).not.toContainText(/Status\s*502/);
    await expect(page.getByText('Could not load API keys')).toHaveCount(0);
  } finally {
    await sim.clearFaults();
  }

  // A tracker link for a change that does not exist: not found, never a checked "Sent to Fireblocks".
  const missing = await page.goto(`/changes/${randomUUID()}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /not (be )?found/i })).toBeVisible();
  await expect(page.getByText('Sent to Fireblocks')).toHaveCount(0);
});
