import type { APIRequestContext } from '@playwright/test';

import { expiringSoonCertPem, FIXTURE_HOST } from '../testing/fixtures/pem-fixtures';
import { buildSeed, DEFAULT_SEED, type KeyRef } from '../sim/seed';
import { approveAs, patchAsBrowser } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';

test.use(signedInAs('alice'));

/** The 250-key cosigner's key (creation index) this journey pins a certificate on; no other journey uses it. */
const OWN_KEY_INDEX = 124;

/** Pins a certificate that expires in 10 days through the console, and waits for Fireblocks to complete it. */
async function pinExpiringCertificate(request: APIRequestContext, ref: KeyRef): Promise<void> {
  const sent = await patchAsBrowser(request, APP_ORIGIN, ref, {
    // A path of its own per run, so a retry on the same stack is a change too.
    callbackHandler: {
      url: `https://${FIXTURE_HOST}/fireblocks/findings-e2e-${Date.now().toString(36)}`,
      cert: await expiringSoonCertPem(),
    },
    reason: 'findings journey: a certificate that expires soon',
  });
  // 202: sent at once (CHANGE_APPROVALS=0); 201: awaiting a second admin's approval.
  expect([201, 202], await sent.text()).toContain(sent.status());
  const changeId = ((await sent.json()) as { change: { id: string } }).change.id;
  // Bob approves with a session of his own (a test context of alice's must not sign anyone else in).
  if (sent.status() === 201) await approveAs('bob', changeId);
  await expect
    .poll(
      async () =>
        ((await (await request.get(`${APP_ORIGIN}/api/changes/${changeId}`)).json()) as { data: { state: string } })
          .data.state,
      { timeout: 30_000 },
    )
    .toBe('completed');
}

test('[FINDINGS][PAGE]: the findings list the misrouted URL, an expiring certificate and a key without a handler; the fix opens the corrected form', async ({
  page,
  seed,
}) => {
  const big = buildSeed(DEFAULT_SEED).find((c) => c.cosigner.id === seed.bigCosignerId);
  const certKey: KeyRef = { cosignerId: seed.bigCosignerId, apiKeyId: big?.keys[OWN_KEY_INDEX]?.id ?? '' };
  await pinExpiringCertificate(page.request, certKey);

  await page.goto('/cosigners');
  await page.getByRole('navigation', { name: 'Main' }).first().getByRole('link', { name: 'Findings' }).click();
  await expect(page).toHaveURL(/\/findings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  const group = (name: RegExp) => page.getByRole('region', { name });
  const keyLink = (ref: KeyRef) => page.getByRole('link', { name: ref.apiKeyId, exact: true });

  const misrouted = group(/^URL ends in a Co-Signer route/);
  await expect(misrouted.getByRole('link', { name: seed.keyMisrouted.apiKeyId, exact: true })).toBeVisible();
  // A long group shows its first 20; the rest are a click away.
  const noHandler = group(/^No callback handler/);
  const showAll = noHandler.getByRole('button', { name: /^Show all \d+$/ });
  if (await showAll.isVisible()) await showAll.click();
  await expect(noHandler.getByRole('link', { name: seed.keyWithNoHandler.apiKeyId, exact: true })).toBeVisible();

  // The walk behind the page may predate the new certificate: Refresh until it shows (the server walks again).
  // (Other journeys may have pinned expiring certificates already: the group showing is not enough, the key must.)
  const expiring = group(/^Pinned certificate expires within 30 days/);
  // (The integration suite on the same stack pins one too, so the group may list several: scope to this key's item.)
  const pinned = expiring.getByRole('link', { name: certKey.apiKeyId, exact: true });
  await expect(async () => {
    if (!(await pinned.isVisible())) {
      const showAllExpiring = expiring.getByRole('button', { name: /^Show all \d+$/ });
      if (await showAllExpiring.isVisible()) await showAllExpiring.click();
      else {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
      }
    }
    await expect(pinned).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000, intervals: [2_000] });
  await expect(
    expiring
      .getByRole('listitem')
      // `has` is looked up inside each item: the link alone, not the group's locator.
      .filter({ has: keyLink(certKey) })
      .getByText(/expires in (9|10) days/),
  ).toBeVisible();

  // Each finding links to its key.
  await expect(keyLink(seed.keyWithNoHandler).first()).toHaveAttribute(
    'href',
    `/cosigners/${seed.keyWithNoHandler.cosignerId}/api-keys/${seed.keyWithNoHandler.apiKeyId}`,
  );

  // The one-click fix: the edit form opens with the corrected URL filled in, ready to review.
  const corrected = 'https://callbacks.staking.acme-capital.example/fireblocks';
  await expect(misrouted.getByText(`Change the URL to ${corrected}.`)).toBeVisible();
  await misrouted.getByRole('link', { name: `Fix URL of API key ${seed.keyMisrouted.apiKeyId}` }).click();
  await expect(page).toHaveURL(
    `/cosigners/${seed.keyMisrouted.cosignerId}/api-keys/${seed.keyMisrouted.apiKeyId}/edit?${new URLSearchParams({ url: corrected })}`,
  );
  const form = page.getByRole('form', { name: 'Change callback handler' });
  await expect(form.getByLabel('Callback URL')).toHaveValue(corrected);
  await expect(form.getByRole('button', { name: 'Review change' })).toBeEnabled();

  // The key list marks the key with its finding.
  await page.goto(`/cosigners/${seed.keyMisrouted.cosignerId}`);
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: seed.keyMisrouted.apiKeyId, exact: true }) });
  await expect(row.getByRole('link', { name: /^URL ends in a route/ })).toBeVisible();
});
