import type { Page } from '@playwright/test';

import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, IDP_ORIGIN, test, type Fixtures } from '../testing/e2e/fixtures';
import { submitIdpLoginForm } from '../testing/e2e/idp-login';
import { seededKey } from '../testing/e2e/seed-keys';
import { currentSessionHandle, setSessionLastSeen } from '../testing/e2e/session-rows';

/** Read only: the form is filled, never sent. */
const REF = seededKey('publicKey', 28);
const TYPED = 'https://callbacks.example.com/idle-warning';
// The panel's verdict (the hint beside the button repeats an unusable one with a full stop).
const INSPECTED = /^(Looks right|Acceptable, with warnings|Cannot be used: .*[^.])$/;

interface Deadline {
  secondsLeft: number;
}

/**
 * Signs alice in on the edit page (a session of her own), types into the form so it holds unsaved input, then moves
 * her last activity `idleMs` into the past.
 */
async function typeThenIdle(page: Page, signIn: Fixtures['signIn'], idleMs: number): Promise<EditHandlerPage> {
  const edit = new EditHandlerPage(page, REF);
  await signIn('alice', EditHandlerPage.path(REF));
  await expect(edit.url).toBeEditable();
  const handle = await currentSessionHandle(page);

  await edit.url.fill(TYPED);
  // The inspection is a request, and so activity: let it land before the clock is moved.
  await expect(page.getByText(INSPECTED)).toBeVisible();
  await setSessionLastSeen(handle, new Date(Date.now() - idleMs));
  return edit;
}

// A session of its own (signed in here, not the shared saved one): its last activity is moved 28.5 minutes into the
// past in the app's database, so its idle end (30 min) is 90 s away for real.
test('[SESSION][IDLE]: a form with unsaved input warns before the idle end, and "Stay signed in" extends the session', async ({
  page,
  signIn,
}) => {
  const edit = await typeThenIdle(page, signIn, (28 * 60 + 30) * 1000);

  // Reading the deadline is not activity: it stays about 90 s away.
  const before = (await (await page.request.get('/api/sessions/current')).json()) as Deadline;
  expect(before.secondsLeft).toBeGreaterThan(60);
  expect(before.secondsLeft).toBeLessThanOrEqual(90);

  // The page reads the deadline every 15 s while the form is dirty.
  const warning = page.getByRole('alertdialog', { name: /^You will be signed out in [01]:[0-5]\d$/ });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  const stay = warning.getByRole('button', { name: 'Stay signed in' });
  await expect(stay).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'idle warning');
  await stay.click();
  await expect(warning).toBeHidden();

  const after = (await (await page.request.get('/api/sessions/current')).json()) as Deadline;
  expect(after.secondsLeft, 'the idle end is 30 minutes away again').toBeGreaterThan(29 * 60);
  await expect(edit.url).toHaveValue(TYPED);
});

test('[SESSION][IDLE]: once the session has ended, the page says so and signing in again in a new tab keeps the input', async ({
  page,
  signIn,
}) => {
  // Idle for 31 minutes: the server refuses the session from now on.
  const edit = await typeThenIdle(page, signIn, 31 * 60 * 1000);

  const ended = page.getByRole('alertdialog', { name: 'You have been signed out' });
  await expect(ended).toBeVisible({ timeout: 20_000 });
  const popupOpened = page.waitForEvent('popup');
  await ended.getByRole('link', { name: 'Sign in again in a new tab' }).click();
  const popup = await popupOpened;
  // The IdP may still hold alice's sign-in (then it answers at once, no form) or ask again.
  await popup.waitForURL(
    (url) => url.origin === IDP_ORIGIN || (url.origin === APP_ORIGIN && !url.pathname.startsWith('/auth/')),
  );
  if (new URL(popup.url()).origin === IDP_ORIGIN) await submitIdpLoginForm(popup, APP_ORIGIN, 'alice');
  await expect(popup.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await popup.close();

  // The next read of the deadline finds the new session: the notice goes, the input is still there.
  await expect(ended).toBeHidden({ timeout: 20_000 });
  await expect(edit.url).toHaveValue(TYPED);
});
