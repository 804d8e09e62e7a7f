import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

/** The test stack's STEP_UP_MAX_AGE (the default): how recent a sign-in must be to approve. */
const STEP_UP_MAX_AGE_SECONDS = 300;

test('[APPROVALS][STEP-UP]: the approve dialog says from the first try that bob’s sign-in is about to be too old to approve, and then that it is', async ({
  browser,
}) => {
  const ref = seededKey('publicKey', 17);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  // Bob signed in almost five minutes ago: recent enough to approve for a few more seconds only.
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob', { authAgeSeconds: STEP_UP_MAX_AGE_SECONDS - 8 }));
  try {
    const proposed = await patchAsBrowser(
      (await alice.newPage()).request,
      APP_ORIGIN,
      ref,
      validHandlerBody(`step-up-warning-${Date.now().toString(36)}`),
    );
    expect(proposed.status(), await proposed.text()).toBe(201);
    const changeId = ((await proposed.json()) as { change: { id: string } }).change.id;

    const page = await bob.newPage();
    await page.goto(`/changes/${changeId}?approve=1`);
    const dialog = page.getByRole('dialog', { name: 'Approve callback handler change' });
    const note = dialog.getByRole('note');
    // At once, before anything is typed: the sign-in still counts, but not for long.
    await expect(note).toContainText(/recent enough to approve for \d+ more seconds?/);
    await expect(note).toContainText('sign in again as Bob');
    await expectNoSeriousA11yViolations(page, 'approve dialog, sign-in about to lapse');
    // Without a reload or a click, once the sign-in is too old: approving asks for a sign-in first.
    await expect(note).toContainText('approving asks you to sign in again first', { timeout: 20_000 });

    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await page.waitForURL((url) => url.origin === IDP_ORIGIN);
    await expect(page.getByLabel('Username')).toHaveValue('bob');

    // The change is left as it was: alice withdraws it, so the key is free for another run.
    const withdrawn = await (
      await alice.newPage()
    ).request.post(`/api/changes/${changeId}/withdraw`, {
      data: {},
      headers: { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  } finally {
    await alice.close();
    await bob.close();
  }
});
