import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, IDP_ORIGIN, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

interface AuditRow {
  kind: string;
  actor: { sub: string } | null;
  changeId: string | null;
  detail: unknown;
}

test('[APPROVALS][STEP-UP]: bob approves, signs in at the IdP as alice, and is refused: the console is still bob’s and nothing is approved', async ({
  browser,
}) => {
  const ref = seededKey('publicKey', 31);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  // Bob signed in an hour ago: approving sends him through the IdP first.
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob', { authAgeSeconds: 3600 }));
  try {
    const proposed = await patchAsBrowser(
      (await alice.newPage()).request,
      APP_ORIGIN,
      ref,
      validHandlerBody(`step-up-${Date.now().toString(36)}`),
    );
    expect(proposed.status(), await proposed.text()).toBe(201);
    const changeId = ((await proposed.json()) as { change: { id: string } }).change.id;

    const page = await bob.newPage();
    await page.goto(`/changes/${changeId}?approve=1`);
    const dialog = page.getByRole('dialog', { name: 'Approve callback handler change' });
    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    await dialog.getByRole('button', { name: 'Approve and send' }).click();

    // The IdP asks for a password, the login already filled in with the approver's: the console asked for bob.
    await page.waitForURL((url) => url.origin === IDP_ORIGIN);
    const username = page.getByLabel('Username');
    await expect(username).toHaveValue('bob');
    // Someone else types their own name instead.
    await username.fill('alice');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Refused, saying whose sign-in the approval needs; the way back leads to the change.
    await page.waitForURL((url) => url.origin === APP_ORIGIN);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in as Bob to approve');
    await expect(page.getByRole('main')).toContainText('Alice');
    await expect(page.getByRole('link', { name: 'Back to the change' })).toHaveAttribute(
      'href',
      `/changes/${changeId}`,
    );

    // The console session is still bob's, and the change still waits: no approval recorded, nothing sent.
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe('Bob');
    const change = (await (await page.request.get(`/api/changes/${changeId}`)).json()) as {
      data: { state: string; approver: unknown };
    };
    expect(change.data).toMatchObject({ state: 'awaiting_approval', approver: null });
    const audit = await page.request.get(`/api/audit?apiKeyId=${ref.apiKeyId}&pageSize=100`);
    const events = ((await audit.json()) as { data: AuditRow[] }).data;
    expect(events.filter((e) => e.changeId === changeId).map((e) => e.kind)).toEqual(['change_proposed']);
    // The refusal is on the record, under the person the IdP vouched for.
    const refused = await page.request.get('/api/audit?kind=sign_in_refused&pageSize=5');
    expect(((await refused.json()) as { data: AuditRow[] }).data[0]).toMatchObject({
      actor: { sub: 'alice' },
      detail: { reason: expect.stringContaining('bob') as unknown },
    });

    // Bob himself can still approve it.
    await page.goto(`/changes/${changeId}?approve=1`);
    await dialog.getByLabel(/Type the last six characters/).fill(ref.apiKeyId.slice(-6));
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await page.waitForURL((url) => url.origin === IDP_ORIGIN);
    await expect(page.getByLabel('Username')).toHaveValue('bob');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/changes/${changeId}\\?approve=1$`));
    await dialog.getByRole('button', { name: 'Approve and send' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('Approved by');
  } finally {
    await alice.close();
    await bob.close();
  }
});
