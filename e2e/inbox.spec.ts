import type { Page } from '@playwright/test';

import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import { mintSession, useSession } from '../testing/e2e/sessions';
import { authFile } from '../testing/e2e/users';

/** What the inbox's count route says needs the page's user (the baseline other journeys may have left). */
async function inboxCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/inbox/count');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { count: number }).count;
}

const inboxName = (count: number) =>
  count === 0 ? /^Inbox$/ : new RegExp(`^Inbox ?, ${count} ${count === 1 ? 'item needs' : 'items need'} you$`);

const sameOrigin = { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-origin' };

test('[INBOX]: bob’s inbox counts alice’s proposal without a reload; alice hears of bob’s decline in the webhook’s words until she marks it seen', async ({
  browser,
}) => {
  const ref = seededKey('publicKey', 9);
  const short = ref.apiKeyId.slice(-6);
  const alice = await browser.newContext({ storageState: authFile('alice') });
  const bob = await browser.newContext();
  await useSession(bob, await mintSession('bob'));
  try {
    // Everything alice had was looked at before this journey: only what happens here is new to her.
    const alicePage = await alice.newPage();
    const seen = await alicePage.request.post('/api/inbox/seen', { data: {}, headers: sameOrigin });
    expect(seen.status(), await seen.text()).toBe(200);

    const bobPage = await bob.newPage();
    await bobPage.goto('/cosigners');
    const bobInbox = bobPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ });
    const bobBaseline = await inboxCount(bobPage);
    await expect(bobInbox).toHaveAccessibleName(inboxName(bobBaseline));

    // alice proposes: bob's header counts it by itself, without a reload.
    const res = await patchAsBrowser(alicePage.request, APP_ORIGIN, ref, validHandlerBody(`inbox-${Date.now()}`));
    expect(res.status(), await res.text()).toBe(201);
    const changeId = ((await res.json()) as { change: { id: string } }).change.id;
    await expect(bobInbox).toHaveAccessibleName(inboxName(bobBaseline + 1), { timeout: 20_000 });

    // His inbox lists it in the words of the webhook, and links to the change.
    await bobInbox.click();
    await expect(bobPage).toHaveURL(`${APP_ORIGIN}/inbox`);
    const toApprove = bobPage.getByRole('region', { name: 'Waiting for your approval' });
    const proposal = toApprove.getByRole('listitem').filter({ hasText: `key …${short}` });
    await expect(proposal).toContainText(
      new RegExp(`^Alice proposed a change to key …${short} on .+: awaiting approval`),
    );
    await expect(proposal.getByRole('link', { name: /Open the change/ })).toHaveAttribute(
      'href',
      `/changes/${changeId}`,
    );
    await expectNoSeriousA11yViolations(bobPage, 'inbox with a change to approve');

    // bob declines it: gone from his inbox; alice's moves to "needs her".
    const aliceBaseline = await inboxCount(alicePage);
    const decline = await bobPage.request.post(`/api/changes/${changeId}/decline`, {
      data: { reason: 'Not this handler' },
      headers: sameOrigin,
    });
    expect(decline.status(), await decline.text()).toBe(200);
    await bobPage.reload();
    await expect(toApprove.getByRole('listitem').filter({ hasText: `key …${short}` })).toHaveCount(0);

    await alicePage.goto('/cosigners');
    const aliceInbox = alicePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ });
    await expect(aliceInbox).toHaveAccessibleName(inboxName(aliceBaseline + 1));
    await aliceInbox.click();
    const moved = alicePage.getByRole('region', { name: 'Your changes that moved' });
    const item = moved.getByRole('listitem').filter({ hasText: `key …${short}` });
    await expect(item).toContainText(new RegExp(`^Bob declined Alice's change to key …${short} on .+: declined`));

    // Reading the inbox marks nothing: a reload still shows it, and the count stands.
    await alicePage.reload();
    await expect(item).toBeVisible();
    expect(await inboxCount(alicePage)).toBe(aliceBaseline + 1);

    // Marked seen on purpose: the count drops at once, and the inbox says nothing new happened to her changes.
    await moved.getByRole('button', { name: 'Mark as seen' }).click();
    await expect(aliceInbox).toHaveAccessibleName(inboxName(aliceBaseline));
    await expect(moved.getByRole('listitem').filter({ hasText: `key …${short}` })).toHaveCount(0);
    await alicePage.reload();
    await expect(moved).toContainText('Nothing new since you last looked');
    expect(await inboxCount(alicePage)).toBe(aliceBaseline);
  } finally {
    await alice.close();
    await bob.close();
  }
});
