import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { approveAs, patchAsBrowser, upstreamKeyPath, validHandlerBody } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { authFile } from '../testing/e2e/users';

test('[CHANGES][OPEN]: while alice’s change waits, bob sees it on the list, the key page and the edit page, and cannot open a second', async ({
  browser,
  sim,
}) => {
  const ref = seededKey('publicKey', 20);
  const tag = Date.now().toString(36);
  const keyPath = `/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}`;
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext({ storageState: authFile('bob') });
  const delays = await sim.delays();
  // Fireblocks holds the request in WAITING_FOR_APPROVAL for the whole journey: the change stays open.
  await sim.setDelays({ approveMs: 3_600_000, completeMs: 3_600_000 });
  let requestId: string | null = null;
  try {
    const alicePage = await alice.newPage();
    const edit = new EditHandlerPage(alicePage, ref);
    await edit.open();
    await edit.fill({
      url: `https://hooks-${tag}.example.com/cosigner`,
      mode: 'publicKey',
      pem: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
    });
    await edit.reviewAndSend('Move to the new handler');
    const changeId = await edit.changePage();
    // Bob approves it through the API (approving in the browser: approve-change); it then waits in Fireblocks.
    await approveAs('bob', changeId);
    await alicePage.reload();
    await expect(edit.status()).toContainText('Status: Waiting for approval');
    await expect(alicePage.getByRole('list', { name: 'Timeline' })).toContainText(
      'Fireblocks: Waiting for approval (WAITING_FOR_APPROVAL)',
    );

    // The key list: the row carries the open change, with its proposer, linking to it.
    const bobPage = await bob.newPage();
    await bobPage.goto(`/cosigners/${ref.cosignerId}?pageSize=100`);
    const row = bobPage.getByRole('row').filter({ hasText: ref.apiKeyId });
    const badge = row.getByRole('link', { name: /Change open · Alice/ });
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('href', `/changes/${changeId}`);

    // The key page: the banner, and the change in the key's history.
    await bobPage.goto(keyPath);
    const banner = bobPage.getByRole('region', { name: 'Open change' });
    await expect(banner).toContainText('A change to this key is open');
    await expect(banner).toContainText('Proposed by Alice');
    await expect(banner.getByRole('link', { name: 'View the change' })).toHaveAttribute('href', `/changes/${changeId}`);
    const history = bobPage.getByRole('region', { name: 'Change history' });
    await expect(history.getByRole('link', { name: `View change ${changeId}` })).toBeVisible();
    await expect(history).toContainText('Move to the new handler');

    // The edit page: the banner instead of a form.
    await bobPage.goto(`${keyPath}/edit`);
    await expect(bobPage.getByRole('region', { name: 'Open change' })).toContainText(
      'cannot be changed again until that change ends',
    );
    await expect(bobPage.getByRole('form', { name: 'Change callback handler' })).toHaveCount(0);

    // Straight to the API: refused, naming alice's change; nothing more reaches Fireblocks.
    const res = await patchAsBrowser(bobPage.request, APP_ORIGIN, ref, validHandlerBody(`bob-${tag}`));
    expect(res.status()).toBe(409);
    const body = (await res.json()) as { error: { code: string; changeId?: string } };
    expect(body.error.code).toBe('change_open');
    expect(body.error.changeId).toBe(changeId);
    const patches = (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) =>
      e.path.startsWith(upstreamKeyPath(ref)),
    );
    expect(patches.map((e) => e.status)).toEqual([202]);

    const change = (await (await bobPage.request.get(`/api/changes/${changeId}`)).json()) as {
      data: { fireblocks: { requestId: string | null } };
    };
    requestId = change.data.fireblocks.requestId;
  } finally {
    await sim.setDelays(delays);
    // Leave nothing pending upstream: an Owner rejects the request (the key stays blocked only until then).
    if (requestId) await sim.reject(requestId);
    await alice.close();
    await bob.close();
  }
});
