import { expect, test, type Locator, type Page } from '@playwright/test';

import { signInThroughIdp } from '../testing/e2e/idp-login';
import { SimControl } from '../testing/e2e/sim-control';
import type { SeedSummary } from '../sim/seed';
import { DEV_SMOKE_APP_URL, DEV_SMOKE_SIM_URL } from '../testing/e2e/dev-smoke-env';

/** `next dev` compiles a page on its first request: minutes, on two busy cores. */
const FIRST_COMPILE_MS = 150_000;
/** How long a page that has shown its content must then stay as it is. */
const SETTLE_MS = 5_000;

/**
 * What a dev server that does not settle does to a page: it loads new documents by itself (a reload, a redirect)
 * and it tells the page over the HMR socket to reload ({"type":"reloadPage"}) or to restart its chunks.
 * Document loads come from CDP's Page.frameNavigated, which (unlike Playwright's framenavigated event) leaves out
 * same-document history updates, which the App Router makes on its own after hydration.
 */
class SelfNavigationWatch {
  readonly documents: string[] = [];
  readonly reloadOrders: string[] = [];

  private constructor(readonly page: Page) {}

  static async on(page: Page): Promise<SelfNavigationWatch> {
    const watch = new SelfNavigationWatch(page);
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Page.frameNavigated', (e) => {
      if (!e.frame.parentId) watch.documents.push(e.frame.url);
    });
    await cdp.send('Page.enable');
    page.on('websocket', (ws) => {
      if (!new URL(ws.url()).pathname.startsWith('/_next/')) return;
      ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : payload.toString('utf8');
        if (/"type":"(reloadPage|restart)"/.test(text)) watch.reloadOrders.push(text.slice(0, 200));
      });
    });
    return watch;
  }

  /**
   * Opens `path`, waits until `ready` shows (the page's real content, through the first compile), then watches
   * the page for SETTLE_MS: no new document, no reload order, same URL, content still there.
   */
  async expectSettles(path: string, ready: () => Promise<void>): Promise<void> {
    await this.page.goto(path, { timeout: FIRST_COMPILE_MS });
    await ready();
    const url = this.page.url();
    const documentsBefore = this.documents.length;
    const ordersBefore = this.reloadOrders.length;
    // Waiting is the measurement here: the page must do nothing by itself for this long.
    await this.page.waitForTimeout(SETTLE_MS);
    const during = {
      documents: this.documents.slice(documentsBefore),
      reloadOrders: this.reloadOrders.slice(ordersBefore),
    };
    expect(
      during,
      `${path} navigated or was told to reload within ${SETTLE_MS / 1000} s of showing its content`,
    ).toEqual({
      documents: [],
      reloadOrders: [],
    });
    expect(this.page.url()).toBe(url);
    await ready();
  }
}

const visible = async (locator: Locator) => expect(locator).toBeVisible({ timeout: FIRST_COMPILE_MS });

test.describe.configure({ mode: 'serial' });

let page: Page;
let watch: SelfNavigationWatch;
let seed: SeedSummary;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ baseURL: DEV_SMOKE_APP_URL });
  watch = await SelfNavigationWatch.on(page);
  seed = await new SimControl(DEV_SMOKE_SIM_URL).seed();
});

test.afterAll(async () => {
  await page.close();
});

test('the landing page shows its sign-in and stays put', async () => {
  await watch.expectSettles('/', async () => {
    await visible(page.getByRole('link', { name: 'Sign in' }));
  });
});

test('/cosigners shows its rows and stays put', async () => {
  test.setTimeout(2 * FIRST_COMPILE_MS + 60_000);
  await signInThroughIdp(page, DEV_SMOKE_APP_URL, 'alice', '/cosigners');
  await watch.expectSettles('/cosigners', async () => {
    const table = page.getByRole('table', { name: 'Cosigners' });
    const firstLink = table.getByRole('row').nth(1).getByRole('link');
    await visible(firstLink);
    const href = (await firstLink.getAttribute('href')) ?? '';
    expect(seed.cosignerIds.map((id) => `/cosigners/${id}`)).toContain(href);
  });
});

test('a cosigner shows its API keys and stays put', async () => {
  const key = seed.keyWithPublicKey;
  await watch.expectSettles(`/cosigners/${key.cosignerId}`, async () => {
    await visible(page.getByRole('heading', { level: 1 }));
    const table = page.getByRole('table', { name: 'API keys' });
    await visible(table.getByRole('link', { name: /^Edit callback handler for / }).first());
    await expect(page.getByText(key.cosignerId, { exact: true })).toBeVisible();
  });
});

test('the edit page shows its form and stays put', async () => {
  const key = seed.keyWithPublicKey;
  await watch.expectSettles(`/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}/edit`, async () => {
    const form = page.getByRole('form', { name: 'Change callback handler' });
    await visible(form.getByLabel('Callback URL'));
    await expect(form.getByLabel('Callback URL')).toBeEditable();
    // The verdict on the current handler is computed in the browser: it shows once the form has hydrated.
    await visible(page.getByText(/^(Looks right|Acceptable, with warnings|Cannot be used)$/).first());
  });
});
