import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { approveAs, liveHandler, squash } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { authFile } from '../testing/e2e/users';

test('[APPROVALS][DECLINE]: bob declines with a reason, alice reads it and resubmits a corrected change from the filled-in form', async ({
  browser,
}) => {
  const ref = seededKey('publicKey', 24);
  const tag = Date.now().toString(36);
  const pem = rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem;
  const wrongUrl = `https://hooks-wrong-${tag}.example.com/cosigner`;
  const rightUrl = `https://hooks-right-${tag}.example.com/cosigner`;
  const why = `Wrong host: use hooks-right-${tag}`;
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext({ storageState: authFile('bob') });
  try {
    const alicePage = await alice.newPage();
    const edit = new EditHandlerPage(alicePage, ref);
    await edit.open();
    await edit.fill({ url: wrongUrl, mode: 'publicKey', pem });
    await edit.reviewAndSend('Move to the new host');
    const changeId = await edit.changePage();

    // Bob declines: the reason is required.
    const bobPage = await bob.newPage();
    await bobPage.goto(`/changes/${changeId}`);
    await bobPage.getByRole('region', { name: 'Review and approve' }).getByRole('button', { name: 'Decline…' }).click();
    const dialog = bobPage.getByRole('dialog', { name: 'Decline this change?' });
    const decline = dialog.getByRole('button', { name: 'Decline change' });
    await expect(decline).toBeDisabled();
    await expectNoSeriousA11yViolations(bobPage, 'decline dialog');
    await dialog.getByLabel('Why are you declining it?').fill(why);
    await decline.click();
    await expect(dialog).toHaveCount(0);
    await expect(bobPage.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Status: Declined');

    // Alice sees who declined and why, and opens it again as a new change.
    await alicePage.reload();
    await expect(edit.status()).toContainText('Status: Declined');
    const details = alicePage.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('Declined by');
    await expect(details).toContainText('Bob');
    await expect(details).toContainText(why);
    await expectNoSeriousA11yViolations(alicePage, 'declined change');
    await alicePage.getByRole('link', { name: 'Open as a new change' }).click();
    await expect(alicePage).toHaveURL(new RegExp(`/api-keys/${ref.apiKeyId}/edit\\?from=${changeId}$`));
    await expect(alicePage.getByRole('note', { name: 'Filled in from an earlier change' })).toContainText(why);

    // The form holds what the declined change would have sent; she corrects the host and submits again.
    await expect(edit.url).toHaveValue(wrongUrl);
    await expect(edit.pem).not.toHaveValue('');
    expect(squash(await edit.pem.inputValue())).toBe(squash(pem));
    await expectNoSeriousA11yViolations(alicePage, 'edit form filled from a declined change');
    await edit.url.fill(rightUrl);
    await expect(edit.review).toBeEnabled();
    await edit.review.click();
    await expect(edit.dialog.getByLabel(/^Reason/)).toHaveValue('Move to the new host');
    await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
    await edit.reviewAndSend();
    const resubmitted = await edit.changePage();
    expect(resubmitted).not.toBe(changeId);
    await expect(edit.status()).toContainText('Status: Awaiting approval');
    await expect(alicePage.getByRole('region', { name: 'After', exact: true })).toContainText(rightUrl);

    // This one bob approves, and the corrected handler goes live.
    await approveAs('bob', resubmitted);
    await alicePage.reload();
    await expect(edit.status()).toContainText('Status: Completed', { timeout: 30_000 });
    expect((await liveHandler(alicePage.request, ref))?.url).toBe(rightUrl);
  } finally {
    await alice.close();
    await bob.close();
  }
});
