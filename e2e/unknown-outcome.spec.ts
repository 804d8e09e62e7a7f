import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { approveAs, liveHandler, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CHANGES][UNKNOWN]: a PATCH whose answer is lost ends `unknown` with no resend, and is reconciled without a reload', async ({
  page,
  sim,
}) => {
  const ref = seededKey('publicKey', 21);
  const tag = Date.now().toString(36);
  const next = {
    url: `https://lost-${tag}.example.com/cosigner`,
    mode: 'publicKey' as const,
    pem: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
  };
  const edit = new EditHandlerPage(page, ref);
  await edit.open();
  await edit.fill(next);

  await edit.reviewAndSend();
  const changeId = await edit.changePage();

  // Bob approves, the console sends the PATCH: Fireblocks (the simulator) takes it and applies it, but the connection
  // drops before the answer.
  await sim.setFaults({ dropAfterHandling: true, times: 1, match: { method: 'PATCH' } });
  try {
    await approveAs('bob', changeId, { expectStatus: null });
  } finally {
    await sim.clearFaults();
  }
  await page.reload();

  // The change page says the outcome is unknown, and offers nothing that would send it again.
  const warning = page.getByRole('alert').filter({ hasText: 'Outcome unknown — check in Fireblocks before retrying' });
  await expect(warning).toBeVisible();
  await expect(page.getByRole('button', { name: /send|resend|retry/i })).toHaveCount(0);
  await expect(warning.getByRole('button', { name: /Mark as not applied/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'change page, outcome unknown');

  // The simulator completes the request it did take; the page, still open, reconciles to completed on its own.
  await expect(edit.status()).toContainText('Status: Completed', { timeout: 45_000 });
  await expect(warning).toHaveCount(0);
  await expect(page.getByText('The live handler matches what the change sent.')).toBeVisible();

  // One PATCH reached Fireblocks, never a second; the key has what was sent.
  const patches = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
  expect(patches).toHaveLength(1);
  expect((await liveHandler(page.request, ref))?.url).toBe(next.url);
});
