import type { APIRequestContext } from '@playwright/test';

import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import type { KeyRef } from '../sim/seed';
import { patchAsBrowser, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolationsAtBothWidths } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

/** Alice proposes a change to `ref` through the console's API; it waits for a second admin. */
async function proposeAsAlice(request: APIRequestContext, ref: KeyRef, tag: string): Promise<string> {
  const sent = await patchAsBrowser(request, APP_ORIGIN, ref, {
    callbackHandler: {
      url: `https://unknown-${tag}.example.com/cosigner`,
      publicKey: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
    },
    reason: `approve-unknown journey ${tag}`,
  });
  expect(sent.status(), await sent.text()).toBe(201);
  return ((await sent.json()) as { change: { id: string } }).change.id;
}

test('[APPROVALS][UNKNOWN]: an approval whose PATCH gets no answer says what the change page says, and offers no resend', async ({
  browser,
  sim,
}) => {
  const ref = seededKey('publicKey', 7);
  const tag = Date.now().toString(36);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob'));
  // Fireblocks takes its time with the request: the change stays unknown while this journey looks at it.
  const delays = await sim.delays();
  try {
    const changeId = await proposeAsAlice(alice.request, ref, tag);
    await sim.setDelays({ approveMs: 120_000, completeMs: 120_000 });
    const page = await bob.newPage();
    await page.goto(`/changes/${changeId}?approve=1`);
    const dialog = page.getByRole('dialog', { name: 'Approve callback handler change' });
    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    await sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
    await dialog.getByRole('button', { name: 'Approve and send' }).click();

    // The dialog says what the change page says, and has no button that would send it again.
    await expect(
      dialog.getByRole('heading', { name: 'Outcome unknown — check in Fireblocks before retrying' }),
    ).toBeVisible();
    await expect(dialog.getByText('Could not approve the change')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: /approve|send|retry/i })).toHaveCount(0);
    // No Fireblocks id came back: the copy names the key to look for, not "the ids below".
    await expect(dialog).toContainText(ref.apiKeyId);
    await expect(dialog.getByText(/ids below/)).toHaveCount(0);
    await expectNoSeriousA11yViolationsAtBothWidths(page, 'approve dialog, outcome unknown');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);

    // The page: the same warning; it points at no id that reads "Not yet known".
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'Outcome unknown — check in Fireblocks before retrying' });
    await expect(warning).toBeVisible();
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).not.toContainText('Not yet known');
    await expect(warning).not.toContainText('ids below');
    await expect(warning).toContainText(ref.apiKeyId);
    const patches = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) =>
      e.path.startsWith(upstreamKeyPath(ref)),
    );
    expect(patches).toHaveLength(1);
  } finally {
    await sim.clearFaults();
    await sim.setDelays(delays);
    await alice.close();
    await bob.close();
  }
});

test('[APPROVALS][UNKNOWN]: a withdrawn change shows no Fireblocks id: nothing was ever sent', async ({ browser }) => {
  const ref = seededKey('publicKey', 8);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  try {
    const changeId = await proposeAsAlice(alice.request, ref, Date.now().toString(36));
    const withdrawn = await alice.request.post(`/api/changes/${changeId}/withdraw`, {
      data: {},
      headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
    const page = await alice.newPage();
    await page.goto(`/changes/${changeId}`);
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details.getByText('Change ID')).toBeVisible();
    await expect(details.getByText(/Fireblocks/)).toHaveCount(0);
    await expect(details).not.toContainText('Not yet known');
  } finally {
    await alice.close();
  }
});
