import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { approveAs, liveHandler, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

test.use(signedInAs('alice'));

test('[CALLBACKS][UPSTREAM]: a Fireblocks failure ends the change as failed, with its ids, and changes nothing', async ({
  page,
  sim,
}) => {
  const ref = seededKey('publicKey', 6);
  const edit = new EditHandlerPage(page, ref);
  const before = await liveHandler(page.request, ref);
  await edit.open();
  await edit.fill({
    url: 'https://callbacks.example.com/failing',
    mode: 'publicKey',
    pem: rsaKeyPair(2048, 'e2e-upstream').publicKeyPem,
  });

  // Fireblocks refuses the next PATCH with a 409 (the console never retries a PATCH by itself). A 5xx would leave the
  // outcome unknown instead: a proxy's 502 can come after Fireblocks accepted.
  await sim.setFaults({ status: 409, times: 1, match: { method: 'PATCH' } });
  try {
    await edit.reviewAndSend();
    // The change was recorded before it went out, and goes out when bob approves it: its page says it failed (a
    // refusal, not an unknown outcome).
    const changeId = await edit.changePage();
    await approveAs('bob', changeId, { expectStatus: null });
    await page.reload();
    await expect(edit.status()).toContainText('Status: Failed');
    await expect(page.getByText(/Outcome unknown/)).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Fireblocks X-Request-ID');
  } finally {
    await sim.clearFaults();
  }

  // One PATCH reached the simulator and failed there; the key is exactly as it was.
  const patches = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
  expect(patches.map((e) => e.status)).toEqual([409]);
  expect(await liveHandler(page.request, ref)).toEqual(before);
});
