import type { Locator } from '@playwright/test';

import { selfSignedCertificate, startTlsServer } from '../testing/upstream/tls-servers';
import { approveAs, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

/** Whether `a` comes before `b` in the page (what a reader meets first). */
async function comesBefore(a: Locator, b: Locator): Promise<boolean> {
  const handle = await b.elementHandle();
  return a.evaluate(
    (first, second) => Boolean(first.compareDocumentPosition(second as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
    handle,
  );
}

test('[PREFLIGHT][CHECK AGAIN]: a pinned certificate the server does not present fails before and after proposing, its approval is refused, and once the server presents it Check again passes and the approval sends it', async ({
  browser,
  sim,
}) => {
  const ref = seededKey('cert', 14);
  // The handler's server, on loopback (the test stack's upstream is the simulator, so the console may probe it):
  // it presents another certificate than the one the change pins, until the test switches it.
  const [pinned, other] = await Promise.all([
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
    selfSignedCertificate({ ips: ['127.0.0.1'] }),
  ]);
  const server = await startTlsServer(other);
  const url = `https://127.0.0.1:${server.port}/fireblocks`;
  const mismatch = `The server at 127.0.0.1:${server.port} presents a different certificate from the one pinned: the Co-Signer will refuse it.`;
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob'));
  try {
    // Alice types the handler and checks it before submitting: the form says it will fail, and why.
    const alicePage = await alice.newPage();
    const edit = new EditHandlerPage(alicePage, ref);
    await edit.open();
    await edit.fill({ url, mode: 'cert', pem: pinned.certPem });
    const formCheck = alicePage.getByRole('region', { name: 'Pre-flight check' });
    await formCheck.getByRole('button', { name: 'Check the handler now' }).click();
    await expect(formCheck.getByTestId('preflight-summary')).toHaveText(mismatch);
    await expect(formCheck).toContainText('no one can approve it until the server is fixed');
    // She proposes it anyway (the server is being fixed): the change records the same verdict.
    await edit.reviewAndSend('New handler host');
    const changeId = await edit.changePage();

    // Bob reviews it: the verdict is the first thing on the page, in one sentence, details folded below.
    const bobPage = await bob.newPage();
    await bobPage.goto(`/changes/${changeId}`);
    const verdict = bobPage.getByRole('region', { name: 'Pre-flight check' });
    await expect(verdict.getByTestId('preflight-summary')).toHaveText(mismatch);
    await expect(verdict).toContainText('Pre-flight failed');
    await expect(verdict).toContainText('Approving is refused until the server is fixed and a new check passes.');
    const review = bobPage.getByRole('region', { name: 'Review and approve' });
    expect(await comesBefore(verdict, review)).toBe(true);
    expect(await comesBefore(verdict, bobPage.getByRole('status').filter({ hasText: 'Status:' }))).toBe(true);
    await expect(verdict.locator('details')).not.toHaveAttribute('open');
    await expect(verdict.getByText('What was checked')).toBeVisible();
    await expect(verdict).not.toContainText(/\d{4}-\d{2}-\d{2}T/);
    await expectNoSeriousA11yViolations(bobPage, 'change whose pre-flight fails');

    // The approval dialog shows it first too, and approving is refused: the button, and the server itself.
    await review.getByRole('button', { name: 'Approve…' }).click();
    const dialog = bobPage.getByRole('dialog', { name: 'Approve callback handler change' });
    const dialogVerdict = dialog.getByRole('region', { name: 'Pre-flight check' });
    await expect(dialogVerdict.getByTestId('preflight-summary')).toHaveText(mismatch);
    // It opens on "Check again", the next step, with the verdict in sight rather than scrolled away.
    await expect(dialogVerdict.getByRole('button', { name: 'Check again' })).toBeFocused();
    await expect(dialogVerdict.getByTestId('preflight-summary')).toBeInViewport();
    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    const approve = dialog.getByRole('button', { name: 'Approve and send' });
    await expect(approve).toBeDisabled();
    const refused = await approveAs('bob', changeId, { expectStatus: 409 });
    expect(refused.body).toMatchObject({ error: { code: 'preflight_failed', changeId } });
    const patchesOf = async () =>
      (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
    expect(await patchesOf()).toHaveLength(0);

    // The server now presents the pinned certificate: Check again passes, and approving sends the change.
    server.setCertificate(pinned);
    await dialogVerdict.getByRole('button', { name: 'Check again' }).click();
    await expect(dialogVerdict).toContainText('Pre-flight passed');
    await expect(dialogVerdict.getByTestId('preflight-summary')).toContainText(
      `The server at 127.0.0.1:${server.port} presents the pinned certificate's key`,
    );
    await expect(approve).toBeEnabled();
    await approve.click();
    await expect(dialog).toHaveCount(0);
    await expect(bobPage.getByRole('status').filter({ hasText: 'Status:' })).toContainText(/Status: (Sent|Completed)/);
    await expect.poll(async () => (await patchesOf()).map((e) => e.status)).toEqual([202]);
    // The page keeps the check the change was approved with.
    await expect(verdict).toContainText('Pre-flight passed');
    await server.settled();
    expect(server.applicationBytes()).toBe(0);
  } finally {
    await alice.close();
    await bob.close();
    await server.close();
  }
});
