import type { Page } from '@playwright/test';

import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

/** Its own key: the change this journey proposes stays open on it. */
const KEY = seededKey('publicKey', 32);
const keyPath = `/cosigners/${KEY.cosignerId}/api-keys/${KEY.apiKeyId}`;
/** Half an hour off UTC, so that a time shown in UTC can never pass for the admin's own by chance. */
const ZONE = 'Asia/Kolkata';

test.use({ ...signedInAs('alice'), timezoneId: ZONE, locale: 'en-GB' });

/**
 * Every time on the page is in the admin's zone, with the exact UTC time on hover: each <time> has a
 * "YYYY-MM-DD HH:MM:SS UTC" title for its instant, its text names no UTC, and a clock time in its text is the one
 * in the admin's zone. Nothing else in the page prints a raw ISO timestamp.
 */
async function timesInAdminsZone(page: Page, zone: string): Promise<string[]> {
  return page.getByRole('main').evaluate((main: HTMLElement, tz) => {
    const out: string[] = [];
    const times = [...main.querySelectorAll('time')];
    if (times.length === 0) out.push('no <time> on the page');
    for (const t of times) {
      const at = new Date(t.dateTime);
      const text = t.textContent ?? '';
      const utc = `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
      if (t.title !== utc) out.push(`"${text}": title "${t.title}", expected "${utc}"`);
      if (/UTC/.test(text)) out.push(`"${text}": shown in UTC`);
      const clock = /\b(\d{2}):(\d{2})\b/.exec(text);
      if (clock) {
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit' }).format(at);
        if (clock[0] !== local) out.push(`"${text}": ${clock[0]} is not ${local} in ${tz}`);
      }
    }
    const raw = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?/.exec(main.innerText);
    if (raw) out.push(`a raw timestamp in the page: ${raw[0]}`);
    if (/\(UTC\)/.test(main.innerText)) out.push('a column or label in UTC');
    return out;
  }, zone);
}

test("[CONSISTENCY][TIMES]: every time is in the admin's zone with UTC on hover: change, key, audit, sessions", async ({
  page,
}) => {
  const res = await patchAsBrowser(page.request, APP_ORIGIN, KEY, validHandlerBody());
  // 201/202: proposed now; 409 change_open: proposed by an earlier run on this stack, still open.
  const body = (await res.json()) as { change?: { id: string }; error?: { changeId?: string } };
  const changeId = body.change?.id ?? body.error?.changeId;
  expect(changeId, `PATCH answered ${res.status()}`).toBeTruthy();

  const visits: Array<{ path: string; ready: RegExp | string }> = [
    { path: `/changes/${changeId}`, ready: 'Timeline' },
    { path: keyPath, ready: 'SHA-256 fingerprint' },
    { path: '/audit', ready: /\d+ events? on this page/ },
    { path: '/account/sessions', ready: 'This browser' },
    { path: '/changes', ready: /^View$/ },
  ];
  for (const v of visits) {
    await page.goto(v.path);
    await expect(page.getByText(v.ready).first()).toBeVisible();
    await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    await expect.poll(() => timesInAdminsZone(page, ZONE), v.path).toEqual([]);
  }
});

test('[CONSISTENCY][KEY PAGE]: while a change is open, the key page offers no Edit and points to the change', async ({
  page,
}) => {
  const res = await patchAsBrowser(page.request, APP_ORIGIN, KEY, validHandlerBody());
  const body = (await res.json()) as { change?: { id: string }; error?: { changeId?: string } };
  const changeId = body.change?.id ?? body.error?.changeId;
  expect(changeId, `PATCH answered ${res.status()}`).toBeTruthy();
  await page.goto(keyPath);
  await expect(page.getByText('SHA-256 fingerprint').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.locator(`a[href="/changes/${changeId}"]`).first()).toBeVisible();
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('[CONSISTENCY][LANDING]: the front page says what the console does: approvals, audit, findings', async ({
    page,
  }) => {
    await page.goto('/');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: /sign in/i })).toBeVisible();
    await expect(main).toContainText(/second admin approves/i);
    await expect(main).toContainText(/audit trail/i);
    await expect(main).toContainText(/findings/i);
  });
});
