import type { Locator, Page } from '@playwright/test';

import { FIXTURE_HOST, validCertPem } from '../testing/fixtures/pem-fixtures';
import type { KeyRef } from '../sim/seed';
import { approveAs, patchAsBrowser, squash } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolationsAtBothWidths } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

/** The misrouted-URL finding about `ref` on /findings, refreshed until the walk behind the page has seen it. */
async function misroutedFinding(page: Page, ref: KeyRef, until: (item: Locator) => Promise<void>): Promise<Locator> {
  await page.goto('/findings');
  const group = page.getByRole('region', { name: /^URL ends in a Co-Signer route/ });
  const item = group.getByRole('listitem').filter({ has: page.getByRole('link', { name: ref.apiKeyId, exact: true }) });
  await expect(async () => {
    const showAll = group.getByRole('button', { name: /^Show all \d+$/ });
    if (await showAll.isVisible()) await showAll.click();
    try {
      await until(item);
    } catch (error) {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
      throw error;
    }
  }).toPass({ timeout: 45_000, intervals: [2_000] });
  return item;
}

const withdraw = (page: Page, changeId: string) =>
  page.request.post(`/api/changes/${changeId}/withdraw`, {
    data: {},
    headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
  });

test('[FINDINGS][OPEN-CHANGE]: once "Fix URL" is submitted, the finding and search show the open change instead of offering the fix again', async ({
  page,
  seed,
}) => {
  const ref = seed.keyMisrouted;
  let changeId = '';
  try {
    const before = await misroutedFinding(page, ref, (item) =>
      expect(item.getByRole('link', { name: /^Fix (the )?URL/ })).toBeVisible({ timeout: 1_000 }),
    );
    await before.getByRole('link', { name: /^Fix (the )?URL/ }).click();
    const edit = new EditHandlerPage(page, ref);
    await expect(edit.review).toBeEnabled();
    await edit.reviewAndSend('findings journey: fix the misrouted URL');
    changeId = await edit.changePage();

    const after = await misroutedFinding(page, ref, (item) =>
      expect(item.getByRole('link', { name: /Change open/ })).toBeVisible({ timeout: 1_000 }),
    );
    await expect(after.getByRole('link', { name: /Change open/ })).toHaveAttribute('href', `/changes/${changeId}`);
    await expect(after.getByRole('link', { name: /^Fix (the )?URL/ })).toHaveCount(0);
    await expectNoSeriousA11yViolationsAtBothWidths(page, 'findings, a fix awaiting approval');

    await page.goto(`/search?q=${ref.apiKeyId}`);
    const result = page
      .getByRole('region', { name: 'API keys' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: ref.apiKeyId, exact: true }) });
    await expect(result.getByRole('link', { name: /Change open/ })).toHaveAttribute('href', `/changes/${changeId}`);
  } finally {
    // The fix stays a finding for the other journeys: the change is withdrawn, never sent.
    if (changeId) expect((await withdraw(page, changeId)).status()).toBe(200);
  }
});

test('[FINDINGS][CERT]: "Fix URL" on a certificate key keeps the certificate the console pinned, and says what is missing when it has none', async ({
  page,
  sim,
  seed,
}) => {
  const pinned = seededKey('cert', 16);
  const tag = Date.now().toString(36);
  const base = `https://${FIXTURE_HOST}/fix-${tag}`;
  const cert = await validCertPem();
  // The console pins the certificate (and keeps its PEM on the change)...
  const sent = await patchAsBrowser(page.request, APP_ORIGIN, pinned, {
    callbackHandler: { url: base, cert },
    reason: 'findings journey: pin a certificate',
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const pinChange = ((await sent.json()) as { change: { id: string } }).change.id;
  await approveAs('bob', pinChange);
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/changes/${pinChange}`)).json()) as { data: { state: string } }).data
          .state,
      {
        timeout: 30_000,
      },
    )
    .toBe('completed');
  try {
    // ...then someone repoints the URL outside the console, onto the route the Co-Signer appends itself.
    await sim.setHandler(pinned, { url: `${base}/v2/tx_sign_request`, cert });
    const item = await misroutedFinding(page, pinned, (i) =>
      expect(i.getByRole('link', { name: /^Fix (the )?URL/ })).toBeVisible({ timeout: 1_000 }),
    );
    await item.getByRole('link', { name: /^Fix (the )?URL/ }).click();
    const edit = new EditHandlerPage(page, pinned);
    await expect(edit.url).toHaveValue(base);
    await expect(edit.certMode).toBeChecked();
    expect(squash(await edit.pem.inputValue())).toBe(squash(cert));
    await expect(page.getByRole('note', { name: 'Certificate kept' })).toBeVisible();
    await expect(edit.review).toBeEnabled();
    await expectNoSeriousA11yViolationsAtBothWidths(page, 'fix URL, the pinned certificate kept');
  } finally {
    await sim.setHandler(pinned, { url: base, cert });
  }

  // A certificate the console never saw: the form says exactly what to paste, never "Fix the errors above".
  const unknown = seed.keyWithCert;
  await page.goto(`${EditHandlerPage.path(unknown)}?url=${encodeURIComponent(`https://${FIXTURE_HOST}/fireblocks`)}`);
  const form = page.getByRole('form', { name: 'Change callback handler' });
  await expect(form.getByTestId('submit-verdict')).toContainText(
    'Paste the certificate (PEM): Fireblocks does not return a pinned certificate',
  );
  await expect(form.getByText('Fix the errors above')).toHaveCount(0);
});
