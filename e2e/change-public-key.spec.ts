import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { approveAs, liveHandler, squash, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CALLBACKS][EDIT]: an admin changes URL and public key and follows the change to COMPLETED with the new handler live', async ({
  page,
  sim,
}) => {
  const ref = seededKey('publicKey', 0);
  const tag = Date.now().toString(36);
  const next = {
    url: `https://hooks-${tag}.example.com/cosigner`,
    mode: 'publicKey' as const,
    pem: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
  };
  const edit = new EditHandlerPage(page, ref);

  await edit.open();
  await edit.fill(next);
  await edit.review.click();
  // The confirmation shows the host change before anything is sent.
  await expect(edit.dialog.getByText(`The host changes from`)).toContainText(`hooks-${tag}.example.com`);
  await expectNoSeriousA11yViolations(page, 'confirmation dialog');
  await edit.dialog.getByRole('button', { name: 'Cancel' }).click();
  await edit.reviewAndSend(`Rotate to hooks-${tag}`);

  // The change has its own page, which follows it to its end (and survives a reload): who, why, before and after.
  // It waits for a second admin first (CHANGE_APPROVALS=1); bob approves it (the approval itself: approve-change).
  const changeId = await edit.changePage();
  await expect(edit.status()).toContainText('Status: Awaiting approval');
  await approveAs('bob', changeId);
  await page.reload();
  await expect(edit.status()).toContainText(/Waiting for approval|Approved|Completed/);
  await page.reload();
  await expect(edit.status()).toContainText('Status: Completed');
  await expect(page.getByText('The live handler matches what the change sent.')).toBeVisible();
  await expect(page.getByText('Live URL')).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Alice');
  await expect(details).toContainText(`Rotate to hooks-${tag}`);
  // Every step with its time: proposed by alice, approved by bob, sent, (the Fireblocks states observed,) completed.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('listitem').first()).toContainText(/Proposed.*Alice/);
  await expect(timeline.getByRole('listitem').nth(1)).toContainText(/^Approved.*Bob/);
  await expect(timeline.getByRole('listitem').nth(2)).toContainText(/^Sent/);
  await expect(timeline.getByRole('listitem').last()).toContainText(/^Completed.*\d{1,2}:\d{2}:\d{2}/);
  await expectNoSeriousA11yViolations(page, 'change page');

  // The change is listed for everyone, completed.
  await page.goto('/changes?state=closed');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `View change ${changeId}` }) });
  await expect(row).toContainText('Completed');
  await expect(row).toContainText('Alice');

  // Server-side truth: Fireblocks (the simulator) got exactly one PATCH and now serves the new handler.
  const patches = await sim.upstreamCalls({ method: 'PATCH' });
  expect(patches.filter((e) => e.path.startsWith(upstreamKeyPath(ref)) && e.status === 202)).toHaveLength(1);
  const live = await liveHandler(page.request, ref);
  expect(live?.url).toBe(next.url);
  expect(squash(live?.publicKey)).toBe(squash(next.pem));
});
