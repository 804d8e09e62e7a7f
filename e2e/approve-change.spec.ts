import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { liveHandler, squash, upstreamKeyPath } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { e2eEnv } from '../testing/e2e/e2e-env';
import { expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';
import { submitIdpLoginForm } from '../testing/e2e/idp-login';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

interface AuditRow {
  kind: string;
  actor: { sub: string; name: string | null } | null;
}

test('[APPROVALS][APPROVE]: alice proposes, bob signs in again through the dev IdP and approves, and the change completes with every step audited', async ({
  browser,
  sim,
}) => {
  const ref = seededKey('publicKey', 22);
  const tag = Date.now().toString(36);
  const next = {
    url: `https://hooks-${tag}.example.com/cosigner`,
    mode: 'publicKey' as const,
    pem: rsaKeyPair(2048, `e2e-${tag}`).publicKeyPem,
  };
  const code = ref.apiKeyId.slice(-6);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  // Bob signed in an hour ago: well past STEP_UP_MAX_AGE, so approving sends him through the IdP first. His session
  // is written into the app's database as his sign-in then left it; the IdP itself holds no session for him.
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob', { authAgeSeconds: 3600 }));
  try {
    // Alice proposes in the browser: the change is recorded, waits, and nothing reaches Fireblocks.
    const alicePage = await alice.newPage();
    const edit = new EditHandlerPage(alicePage, ref);
    await edit.open();
    await edit.fill(next);
    await edit.reviewAndSend(`Rotate to hooks-${tag}`);
    const changeId = await edit.changePage();
    await expect(edit.status()).toContainText('Status: Awaiting approval');
    const own = alicePage.getByRole('region', { name: 'Awaiting approval' });
    await expect(own).toContainText('Another admin must approve your change');
    await expect(own.getByRole('button', { name: 'Withdraw…' })).toBeVisible();
    await expect(alicePage.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
    const patchesOf = async () =>
      (await sim.upstreamCalls({ method: 'PATCH' })).filter((e) => e.path.startsWith(upstreamKeyPath(ref)));
    expect(await patchesOf()).toHaveLength(0);

    // Bob finds it first on /changes, and reviews it as alice did: who, why, how long ago, the inspection of the
    // key, before and after with the host change called out.
    const bobPage = await bob.newPage();
    await bobPage.goto('/changes');
    const waiting = bobPage.getByRole('region', { name: 'Awaiting approval' });
    const row = waiting.getByRole('row').filter({ hasText: ref.apiKeyId });
    await expect(row).toContainText('Alice');
    await expect(row.getByRole('link', { name: 'Approve…' })).toHaveAttribute('href', `/changes/${changeId}?approve=1`);
    await row.getByRole('link', { name: 'Review' }).click();
    await expect(bobPage).toHaveURL(new RegExp(`/changes/${changeId}$`));
    const review = bobPage.getByRole('region', { name: 'Review and approve' });
    await expect(review).toContainText(`Rotate to hooks-${tag}`);
    await expect(review).toContainText('alice@example.test');
    await expect(review.getByText(/ago|just now/).first()).toBeVisible();
    await expect(review.getByText(/^(Looks right|Acceptable, with warnings)$/)).toBeVisible();
    await expect(review.getByText('RSA, 2048 bits')).toBeVisible();
    await expect(bobPage.getByText('The host changes from').first()).toContainText(`hooks-${tag}.example.com`);
    await expectNoSeriousA11yViolations(bobPage, 'change awaiting approval, as another admin');

    // Before anything is typed, the dialog says a sign-in comes first.
    await review.getByRole('button', { name: 'Approve…' }).click();
    const dialog = bobPage.getByRole('dialog', { name: 'Approve callback handler change' });
    await expect(dialog.getByRole('note')).toContainText('approving asks you to sign in again first');
    await expectNoSeriousA11yViolations(bobPage, 'approve dialog');
    const typed = dialog.getByLabel(/Type the last six characters/);
    const approve = dialog.getByRole('button', { name: 'Approve and send' });
    await expect(approve).toBeDisabled();
    await typed.fill(code);
    await approve.click();

    // The dev IdP asks for the password again; then back on the same change, the dialog open with what was typed.
    await bobPage.waitForURL((url) => url.origin === IDP_ORIGIN);
    await expect(bobPage.getByLabel('Password')).toBeVisible();
    await submitIdpLoginForm(bobPage, e2eEnv.TEST_APP_URL, 'bob');
    await expect(bobPage).toHaveURL(new RegExp(`/changes/${changeId}\\?approve=1$`));
    await expect(dialog).toBeVisible();
    await expect(typed).toHaveValue(code);
    await expect(dialog.getByRole('note')).toHaveCount(0);
    expect(await patchesOf()).toHaveLength(0);
    await approve.click();
    await expect(dialog).toHaveCount(0);

    // Sent once, followed to the end; the key now has the new handler.
    await expect(bobPage.getByRole('status').filter({ hasText: 'Status:' })).toContainText('Status: Completed', {
      timeout: 30_000,
    });
    await expect(bobPage.getByRole('region', { name: 'Details' })).toContainText('Approved by');
    expect((await patchesOf()).map((e) => e.status)).toEqual([202]);
    const live = await liveHandler(bobPage.request, ref);
    expect(live?.url).toBe(next.url);
    expect(squash(live?.publicKey)).toBe(squash(next.pem));

    // The audit trail holds each step with its actor: proposed by alice, approved by bob, sent, completed.
    const res = await bobPage.request.get(`/api/audit?apiKeyId=${ref.apiKeyId}&pageSize=100`);
    expect(res.status()).toBe(200);
    const events = ((await res.json()) as { data: AuditRow[] }).data.reverse();
    const step = (kind: string) => events.find((e) => e.kind === kind);
    expect(step('change_proposed')?.actor?.sub).toBe('alice');
    expect(step('change_approved')?.actor?.sub).toBe('bob');
    expect(step('change_sent')).toBeDefined();
    expect(step('change_completed')).toBeDefined();
    const order = ['change_proposed', 'change_approved', 'change_sent', 'change_completed'].map((k) =>
      events.findIndex((e) => e.kind === k),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  } finally {
    await alice.close();
    await bob.close();
  }
});
