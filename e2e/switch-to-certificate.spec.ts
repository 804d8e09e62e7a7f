import { makeCertificate } from '../testing/fixtures/pem-fixtures';
import { approveAs, liveHandler, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CALLBACKS][EDIT]: an admin switches a key from a public key to a pinned certificate', async ({ page, sim }) => {
  const ref = seededKey('publicKey', 1);
  const host = `pinned-${Date.now().toString(36)}.example.com`;
  const cert = await makeCertificate({ hosts: [host] });
  const edit = new EditHandlerPage(page, ref);

  await edit.open();
  await edit.fill({ url: `https://${host}/cosigner`, mode: 'cert', pem: cert.certPem });
  // The server's inspection shows what the certificate really is before anything can be sent.
  await expect(page.getByText(host).first()).toBeVisible();
  await edit.review.click();
  await expect(
    edit.dialog.getByText(/Authentication switches from a public key to a pinned certificate/),
  ).toBeVisible();
  await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
  await edit.reviewAndSend();

  const changeId = await edit.changePage();
  await approveAs('bob', changeId);
  await page.reload();
  await expect(edit.status()).toContainText('Status: Completed');
  await expect(page.getByText('The live handler matches what the change sent.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'After', exact: true })).toContainText('Pinned certificate');

  // Fireblocks shows a certificate only as the hash of its public key; it must be this certificate's.
  const patches = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
  expect(patches.map((e) => e.status)).toEqual([202]);
  const live = await liveHandler(page.request, ref);
  expect(live?.url).toBe(`https://${host}/cosigner`);
  expect(live?.publicKey).toBeUndefined();
  expect(live?.certPublicKeyHash).toMatch(/^[0-9a-f]{64}$/i);
});
