import type { Page } from '@playwright/test';

import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { seedSummary } from '../sim/seed';
import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { EditHandlerPage } from '../testing/e2e/edit-handler-page';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';
import type { UserName } from '../testing/e2e/users';

const WIDTH = 375;
const SEED = seedSummary();
const keyPath = (ref: { cosignerId: string; apiKeyId: string }) =>
  `/cosigners/${ref.cosignerId}/api-keys/${ref.apiKeyId}`;
const NOWHERE = '00000000-0000-4000-8000-000000000000';
/** Its own key: the change this spec proposes stays open on it. */
const CHANGED_KEY = seededKey('cert', 15);
/** Read only: the form is filled, never sent. */
const EDITED_KEY = seededKey('publicKey', 29);

/**
 * Neither the document nor the body is wider than the viewport. On failure the message names the elements that
 * reach past its right edge, which is where to look.
 */
async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const measured = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} → ${el.getBoundingClientRect().right}`,
      );
    return {
      documentScrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      wide,
    };
  });
  expect(
    measured.documentScrollWidth,
    `${label}: document wider than ${WIDTH}px; ${measured.wide.join('; ')}`,
  ).toBeLessThanOrEqual(WIDTH);
  expect(measured.bodyScrollWidth, `${label}: body wider than ${WIDTH}px`).toBeLessThanOrEqual(WIDTH);
}

interface Visit {
  name: string;
  user: UserName | null;
  path: string;
  ready: (page: Page) => Promise<void>;
}

const shows = (text: string | RegExp) => async (page: Page) => {
  await expect(page.getByText(text).first()).toBeVisible();
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
};

const VISITS: Visit[] = [
  { name: 'landing', user: null, path: '/', ready: shows(/sign in/i) },
  { name: 'cosigners', user: 'alice', path: '/cosigners', ready: shows('Treasury SGX') },
  { name: 'cosigner (250 keys)', user: 'alice', path: `/cosigners/${SEED.bigCosignerId}`, ready: shows('API keys') },
  { name: 'key page', user: 'alice', path: keyPath(SEED.keyWithPublicKey), ready: shows('SHA-256 fingerprint') },
  {
    name: 'key page (certificate)',
    user: 'vera',
    path: keyPath(SEED.keyWithCert),
    ready: shows('Certificate key hash'),
  },
  {
    name: 'key page (a 72-character host)',
    user: 'alice',
    path: keyPath(SEED.keyNotSeen),
    ready: shows('SHA-256 fingerprint'),
  },
  {
    name: 'cosigner (a 72-character host in its list)',
    user: 'alice',
    path: `/cosigners/${SEED.keyNotSeen.cosignerId}`,
    ready: shows(SEED.keyNotSeen.apiKeyId),
  },
  { name: 'findings', user: 'vera', path: '/findings', ready: shows('No callback handler') },
  {
    name: 'search (finds the 72-character host)',
    user: 'vera',
    path: '/search?q=staking-validators',
    ready: shows(SEED.keyNotSeen.apiKeyId),
  },
  { name: 'changes', user: 'alice', path: '/changes', ready: shows(/^(View|No changes)$/) },
  { name: 'audit', user: 'vera', path: '/audit', ready: shows(/\d+ events? on this page|No audit events yet/) },
  { name: 'sessions', user: 'vera', path: '/account/sessions', ready: shows('This browser') },
  { name: 'no access', user: 'nora', path: '/no-access', ready: shows(/access/i) },
  { name: 'not found', user: 'alice', path: `/cosigners/${NOWHERE}`, ready: shows('Page not found') },
];

test.use({ viewport: { width: WIDTH, height: 812 } });

test.describe('[LAYOUT][375]: no page is wider than a 375 px screen', () => {
  for (const visit of VISITS) {
    test.describe(visit.name, () => {
      if (visit.user) test.use(signedInAs(visit.user));
      test(`${visit.path} as ${visit.user ?? 'a visitor'}`, async ({ page }) => {
        await page.goto(visit.path);
        await visit.ready(page);
        await expectNoHorizontalOverflow(page, visit.name);
      });
    });
  }

  test.describe('as alice', () => {
    test.use(signedInAs('alice'));

    test('a change page', async ({ page }) => {
      const res = await patchAsBrowser(page.request, APP_ORIGIN, CHANGED_KEY, validHandlerBody());
      // 201/202: proposed now; 409 change_open: proposed by an earlier run on this stack, still open.
      const body = (await res.json()) as { change?: { id: string }; error?: { changeId?: string } };
      const changeId = body.change?.id ?? body.error?.changeId;
      expect(changeId, `PATCH answered ${res.status()}`).toBeTruthy();
      await page.goto(`/changes/${changeId}`);
      await expect(page.getByText(CHANGED_KEY.apiKeyId).first()).toBeVisible();
      await expectNoHorizontalOverflow(page, 'change page');
    });

    test('the edit page with a pasted key: the verdict comes before "Review change"', async ({ page }) => {
      const edit = new EditHandlerPage(page, EDITED_KEY);
      await edit.open();
      await edit.fill({
        url: 'https://callbacks.example.com/small-screen',
        mode: 'publicKey',
        pem: rsaKeyPair(2048, 'overflow').publicKeyPem,
      });
      const verdict = page.getByText(/^(Looks right|Acceptable, with warnings)$/);
      await expect(verdict).toBeVisible();
      await expect(edit.review).toBeEnabled();
      await expectNoHorizontalOverflow(page, 'edit page');
      const verdictBox = await verdict.boundingBox();
      const reviewBox = await edit.review.boundingBox();
      expect(verdictBox && reviewBox && verdictBox.y < reviewBox.y, 'the verdict is above the button').toBe(true);
      // And before it in reading (and Tab) order.
      const verdictFirst = await verdict.evaluate(
        (v, button) => Boolean(v.compareDocumentPosition(button as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
        await edit.review.elementHandle(),
      );
      expect(verdictFirst).toBe(true);
    });

    test('key lists are stacked cards, not a scrolled table', async ({ page }) => {
      await page.goto(`/cosigners/${SEED.bigCosignerId}`);
      const firstRow = page.getByRole('table', { name: 'API keys' }).locator('tbody tr').first();
      await expect(firstRow).toBeVisible();
      const box = await firstRow.boundingBox();
      expect(box && box.width <= WIDTH).toBe(true);
      // Each value is shown under its column's name.
      await expect(firstRow.locator('td[data-label="Callback URL"]')).toBeVisible();
      expect(await firstRow.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    });
  });
});
