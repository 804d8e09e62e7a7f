// npm run screenshots: every console page, light and dark, 1440 px and 375 px wide, into git-ignored screenshots/;
// then the states around them: an upstream error, an empty filter, an inspection warning, a wrong confirmation code,
// the leave-with-unsaved-input dialog, the confirmation, a change awaiting approval (and its key page, which offers
// the change instead of Edit), the approver's dialog, a completed request, and the skeletons pages show while the
// server works.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { chromiumLaunchOptions } from '../testing/e2e/browser';
import { signInThroughIdp } from '../testing/e2e/idp-login';
import { consolePages, type ConsolePage } from '../testing/e2e/pages';
import { SimControl } from '../testing/e2e/sim-control';
import type { UserName } from '../testing/e2e/users';
import { rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { REPO_ROOT } from '../stack/dev-stack';
import { ensureChromium } from './ensure-chromium';
import { productionApp } from './prod-stack';
import { onShutdownSignal } from '../stack/on-signal';
import { TEST_PORTS } from '../testing/runner/test-stack';

const OUT = path.join(REPO_ROOT, 'screenshots');
const SCHEMES = ['light', 'dark'] as const;
const VIEWPORTS = [
  { label: 'desktop', width: 1440, height: 900 },
  { label: '375', width: 375, height: 812 },
];

console.log(ensureChromium());
// The test stack's ports (E2E_APP_PORT, E2E_SIM_PORT, E2E_IDP_PORT), so one setting moves every stack a run starts.
const app = await productionApp(TEST_PORTS);
onShutdownSignal(() => app.close());
const browser = await chromium.launch(chromiumLaunchOptions());
let count = 0;
try {
  mkdirSync(OUT, { recursive: true });
  const seed = await new SimControl(app.simUrl).seed();
  const pages = consolePages(seed);
  const contexts = new Map<UserName | null, BrowserContext>();
  const contextFor = async (user: UserName | null) => {
    let ctx = contexts.get(user);
    if (!ctx) {
      ctx = await browser.newContext({ baseURL: app.appUrl, reducedMotion: 'reduce' });
      if (user) await signInThroughIdp(await ctx.newPage(), app.appUrl, user);
      contexts.set(user, ctx);
    }
    return ctx;
  };
  const shoot = async (name: string, user: UserName | null, show: (page: Page) => Promise<void>) => {
    const ctx = await contextFor(user);
    for (const scheme of SCHEMES) {
      for (const vp of VIEWPORTS) {
        const page = await ctx.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await show(page);
        await page.screenshot({ path: path.join(OUT, `${name}-${scheme}-${vp.label}.png`), fullPage: true });
        await page.close();
        count += 1;
      }
    }
  };
  const visit = (p: ConsolePage) => async (page: Page) => {
    await page.goto(p.path);
    await page.getByText(p.ready).first().waitFor();
  };

  for (const p of pages) await shoot(p.name, p.user, visit(p));

  // The states of a change: the confirmation dialog, then the request followed to COMPLETED.
  const key = seed.keyWithPublicKey;
  const editPath = `/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}/edit`;
  const fillChange = async (page: Page) => {
    await visit({ name: 'edit', path: editPath, user: 'alice', ready: 'Callback URL' })(page);
    await fillExactly(page, 'Callback URL', 'https://hooks.example.com/cosigner');
    await page.getByLabel('Public key (PEM)').fill(rsaKeyPair(2048, 'screenshots').publicKeyPem);
    await page.getByRole('button', { name: 'Review change' }).click();
    await page.getByRole('dialog').waitFor();
  };
  await shoot('edit-confirm', 'alice', fillChange);
  await shoot('edit-confirm-wrong-code', 'alice', async (page) => {
    await fillChange(page);
    const code = page.getByRole('dialog').getByLabel(/Type the last six characters/);
    await code.fill('zzzzzz');
    await code.press('Enter');
    await page.getByText('does not match').waitFor();
  });
  await shoot('edit-warning', 'alice', async (page) => {
    await visit({ name: 'edit', path: editPath, user: 'alice', ready: 'Callback URL' })(page);
    await fillExactly(page, 'Callback URL', 'https://hooks.example.com/cosigner?tenant=a');
    await page.getByText('Acceptable, with warnings').waitFor();
  });
  await shoot('edit-misrouted-url', 'alice', async (page) => {
    await visit({ name: 'edit', path: editPath, user: 'alice', ready: 'Callback URL' })(page);
    await fillExactly(page, 'Callback URL', 'https://hooks.example.com/cosigner/v2/tx_sign_request');
    await page.getByRole('button', { name: 'Use https://hooks.example.com/cosigner' }).waitFor();
  });
  await shoot('edit-leave-dialog', 'alice', async (page) => {
    await visit({ name: 'edit', path: editPath, user: 'alice', ready: 'Callback URL' })(page);
    await fillExactly(page, 'Callback URL', 'https://hooks.example.com/not-sent');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Cosigners' }).click();
    await page.getByRole('alertdialog', { name: 'Discard your unsaved change?' }).waitFor();
  });
  await shoot('cosigners-filter-empty', 'alice', async (page) => {
    await page.goto('/cosigners?q=no-such-cosigner');
    await page.getByText('No cosigners on this page match').waitFor();
  });
  // Fireblocks failing every read of the list: the error card (the client's retries fail too).
  const sim = new SimControl(app.simUrl);
  await sim.setFaults({ status: 503, times: 1000, match: { method: 'GET', pathPrefix: '/v1/cosigners' } });
  try {
    await shoot('cosigners-upstream-error', 'alice', async (page) => {
      await page.goto('/cosigners');
      await page.getByText('Could not load cosigners').waitFor({ timeout: 60_000 });
    });
  } finally {
    await sim.clearFaults();
  }

  const page = await (await contextFor('alice')).newPage();
  await fillChange(page);
  await page
    .getByRole('dialog')
    .getByLabel(/Type the last six characters/)
    .fill(key.apiKeyId.slice(-6));
  await page.getByRole('button', { name: /Submit for approval|Send to Fireblocks/ }).click();
  // A recorded change is followed on its own page; with approvals on (the default) it waits for a second admin.
  await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
  const changeUrl = page.url();
  await page.close();
  const awaiting = (await (
    await contextFor('alice')
  ).request
    .get(changeUrl.replace('/changes/', '/api/changes/'))
    .then((res) => res.json())) as { data: { state: string } };
  const keyPath = `/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}`;
  if (awaiting.data.state === 'awaiting_approval') {
    await shoot('key-open-change', 'alice', async (p) => {
      await p.goto(keyPath);
      await p.getByRole('link', { name: 'View the open change' }).waitFor();
    });
    await shoot('loading-change', 'alice', async (p) => {
      await p.goto(keyPath);
      await showSkeleton(p, new URL(changeUrl).pathname, () =>
        p.getByRole('link', { name: 'View the change' }).click(),
      );
    });
    await shoot('change-awaiting-approval', 'alice', async (p) => {
      await p.goto(changeUrl);
      await p.getByText('Another admin must approve your change').waitFor();
    });
    const approveDialog = async (p: Page) => {
      await p.goto(`${changeUrl}?approve=1`);
      await p.getByRole('dialog', { name: 'Approve callback handler change' }).waitFor();
    };
    await shoot('change-approve-dialog', 'bob', approveDialog);
    const bobPage = await (await contextFor('bob')).newPage();
    await approveDialog(bobPage);
    await bobPage
      .getByRole('dialog')
      .getByLabel(/Type the last six characters/)
      .fill(key.apiKeyId.slice(-6));
    await bobPage.getByRole('button', { name: 'Approve and send' }).click();
    await bobPage.getByRole('dialog').waitFor({ state: 'detached' });
    await bobPage.close();
  }
  await shoot('change-completed', 'alice', async (p) => {
    await p.goto(changeUrl);
    await p.getByText('Status: Completed').waitFor({ timeout: 60_000 });
  });
  await shoot('loading-changes', 'alice', async (p) => {
    await p.goto('/cosigners');
    await showSkeleton(p, '/changes', () => p.getByRole('link', { name: /^Changes/ }).click());
  });
  await shoot('loading-key', 'alice', async (p) => {
    await p.goto(changeUrl);
    await showSkeleton(p, keyPath, () => p.getByRole('link', { name: key.apiKeyId }).first().click());
  });
  console.log(`${count} screenshots in ${path.relative(process.cwd(), OUT) || OUT}/`);
} finally {
  await browser.close();
  await app.close();
}

/** Fills a pre-filled field until it holds exactly `value` (the form may re-apply server data to untouched fields). */
async function fillExactly(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label);
  for (let attempt = 0; attempt < 5 && (await field.inputValue()) !== value; attempt++) await field.fill(value);
}

/**
 * A page's loading skeleton as a click shows it: the server's answer to the navigation to `pathname` (not a prefetch)
 * is held until the skeleton is on screen, then let through after the screenshot.
 */
async function showSkeleton(page: Page, pathname: string, click: () => Promise<void>): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      const h = route.request().headers();
      if (h.rsc === '1' && !h['next-router-prefetch'] && !h['next-router-segment-prefetch']) {
        await page
          .getByRole('status', { name: /^Loading/ })
          .first()
          .waitFor();
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      await route.continue().catch(() => undefined);
    },
  );
  await click();
  await page
    .getByRole('status', { name: /^Loading/ })
    .first()
    .waitFor();
}
