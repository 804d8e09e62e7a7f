import type { Locator, Page } from '@playwright/test';

import { patchAsBrowser, validHandlerBody } from '../testing/e2e/api-helpers';
import { expectNoSeriousA11yViolations } from '../testing/e2e/axe';
import { APP_ORIGIN, expect, signedInAs, test } from '../testing/e2e/fixtures';
import { seededKey } from '../testing/e2e/seed-keys';

/** Its own key: the change this journey proposes stays open on it (the key page then links to it). */
const KEY = seededKey('publicKey', 33);
const keyPath = `/cosigners/${KEY.cosignerId}/api-keys/${KEY.apiKeyId}`;

test.use(signedInAs('alice'));

/**
 * Holds the server's answer to the navigation to `pathname` (the RSC request a click makes, not a prefetch) until
 * the returned function is called: what shows meanwhile is what the admin sees while the server works.
 */
async function holdNavigation(page: Page, pathname: string): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      const h = route.request().headers();
      const prefetch = h['next-router-prefetch'] || h['next-router-segment-prefetch'];
      if (h.rsc === '1' && !prefetch) await released;
      await route.continue();
    },
  );
  return release;
}

interface Step {
  name: string;
  from: string;
  /** What the admin clicks (or submits) to go there. */
  go: (page: Page) => Promise<void>;
  to: string;
  /** The skeleton's status name and the page's own heading, shown while the server works. */
  loading: string;
  heading: string | RegExp;
  /** Text the loaded page shows. */
  ready: (page: Page) => Locator;
}

const link = (name: string | RegExp) => async (page: Page) => page.getByRole('link', { name }).first().click();

test('[SPEED][LOADING]: every page shows a skeleton of its own shape at once while the server works', async ({
  page,
}) => {
  const res = await patchAsBrowser(page.request, APP_ORIGIN, KEY, validHandlerBody());
  const body = (await res.json()) as { change?: { id: string }; error?: { changeId?: string } };
  const changeId = body.change?.id ?? body.error?.changeId;
  expect(changeId, `PATCH answered ${res.status()}`).toBeTruthy();

  const steps: Step[] = [
    {
      name: 'changes',
      from: '/cosigners',
      go: link(/^Changes/),
      to: '/changes',
      loading: 'Loading changes',
      heading: 'Changes',
      ready: (p) => p.getByRole('heading', { name: 'All changes' }),
    },
    {
      name: 'findings',
      from: '/cosigners',
      go: link(/^Findings/),
      to: '/findings',
      loading: 'Loading findings',
      heading: 'Findings',
      ready: (p) => p.getByText('URL ends in a Co-Signer route').first(),
    },
    {
      name: 'audit',
      from: '/cosigners',
      go: link(/^Audit/),
      to: '/audit',
      loading: 'Loading the audit trail',
      heading: 'Audit trail',
      ready: (p) => p.getByText(/\d+ events? on this page/),
    },
    {
      name: 'sessions',
      from: '/cosigners',
      go: link(/your sessions/),
      to: '/account/sessions',
      loading: 'Loading your sessions',
      heading: 'Your sessions',
      ready: (p) => p.getByText('This browser', { exact: true }),
    },
    {
      name: 'change',
      from: keyPath,
      go: link('View the change'),
      to: `/changes/${changeId}`,
      loading: 'Loading the change',
      heading: /^Callback handler change/,
      ready: (p) => p.getByRole('heading', { name: 'Timeline' }),
    },
    {
      name: 'key page',
      from: `/changes/${changeId}`,
      go: link(KEY.apiKeyId),
      to: keyPath,
      loading: 'Loading the API key',
      heading: 'API key',
      ready: (p) => p.getByText('SHA-256 fingerprint').first(),
    },
  ];

  await page.setViewportSize({ width: 1440, height: 900 });
  for (const step of steps) {
    // The link's prefetch (its page's skeleton) is in before the click, as it is for a person who reads first.
    const prefetched = page
      .waitForResponse(
        (r) =>
          new URL(r.url()).pathname === step.to &&
          Boolean(
            r.request().headers()['next-router-prefetch'] ?? r.request().headers()['next-router-segment-prefetch'],
          ),
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    await page.goto(step.from);
    await page.waitForLoadState('networkidle');
    await prefetched;
    const release = await holdNavigation(page, step.to);
    await step.go(page);
    const skeleton = page.getByRole('status', { name: step.loading });
    await expect(skeleton, `${step.name}: a skeleton while the server works`).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: step.heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page, `${step.name} loading`).catch((e: unknown) => {
      release();
      throw e;
    });
    release();
    await expect(step.ready(page)).toBeVisible();
    await expect(skeleton).toHaveCount(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});

test('[SPEED][LOADING]: the edit page shows its form-shaped skeleton while the server reads the key', async ({
  page,
}) => {
  const free = seededKey('publicKey', 14);
  const path = `/cosigners/${free.cosignerId}/api-keys/${free.apiKeyId}`;
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const release = await holdNavigation(page, `${path}/edit`);
  await page.getByRole('link', { name: 'Edit callback handler' }).click();
  await expect(page.getByRole('status', { name: 'Loading the form' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Change callback handler' })).toBeVisible();
  release();
  await expect(page.getByRole('form', { name: 'Change callback handler' }).getByLabel('Callback URL')).toBeEditable();
});

test('[SPEED][BUTTONS]: "Sign out" says it is working from the first frame', async ({ page }) => {
  await page.goto('/cosigners');
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // Held, then answered without signing out (the saved session is shared with the other journeys).
  await page.route('**/auth/logout', async (route) => {
    await released;
    await route.fulfill({ status: 303, headers: { location: '/cosigners' } });
  });
  // Clicked and read in the page itself, one frame later: a held navigation would hold every locator until it ends.
  const shown = await page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('header form[action="/auth/logout"] button');
    button?.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { text: button?.textContent ?? '', disabled: button?.disabled ?? false };
  });
  release();
  expect(shown.text).toMatch(/Signing out…/);
  expect(shown.disabled).toBe(true);
});
