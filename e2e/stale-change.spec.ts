import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { liveHandler, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

test('[APPROVALS][STALE]: when the live handler moved after the proposal, bob’s approval finds the change stale and nothing is sent', async ({
  browser,
  sim,
}) => {
  const ref = seededKey('publicKey', 25);
  const tag = Date.now().toString(36);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  // Bob signed in just now: no step-up, the approval goes straight to the drift guard.
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob'));
  try {
    const alicePage = await alice.newPage();
    const edit = new EditHandlerPage(alicePage, ref);
    await edit.open();
    await edit.fill({
      url: `https://proposed-${tag}.example.com/cosigner`,
      mode: 'publicKey',
      pem: rsaKeyPair(2048, `e2e-proposed-${tag}`).publicKeyPem,
    });
    await edit.reviewAndSend('Proposed against the old handler');
    const changeId = await edit.changePage();

    // Meanwhile someone changes the handler outside the console (on the Co-Signer host, say).
    const moved = {
      url: `https://moved-${tag}.example.com/cosigner`,
      publicKey: rsaKeyPair(2048, `e2e-moved-${tag}`).publicKeyPem,
    };
    await sim.setHandler(ref, moved);

    const bobPage = await bob.newPage();
    await bobPage.goto(`/changes/${changeId}?approve=1`);
    const dialog = bobPage.getByRole('dialog', { name: 'Approve callback handler change' });
    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await expect(dialog.getByRole('alert')).toContainText('The live handler moved: nothing was sent');
    // The change moved on: the dialog offers nothing to send, only to close it.
    await expect(dialog.getByRole('button', { name: 'Approve and send' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The change is stale, says why, and can be opened again as a new change against the live handler.
    await expect(bobPage.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Status: Stale');
    await expect(bobPage.getByRole('region', { name: 'Details' })).toContainText(
      'no longer the one this change was made against',
    );
    await expect(bobPage.getByRole('link', { name: 'Open as a new change' })).toHaveAttribute(
      'href',
      `/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}/edit?from=${changeId}`,
    );

    // Fireblocks got no PATCH; the key keeps what was set outside the console.
    expect(
      (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref))),
    ).toHaveLength(0);
    expect((await liveHandler(bobPage.request, ref))?.url).toBe(moved.url);
  } finally {
    await alice.close();
    await bob.close();
  }
});
