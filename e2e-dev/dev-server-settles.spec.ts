import { expect, test, type Locator, type Page } from '@playwright/test';

import { submitIdpLoginForm } from '../testing/e2e/idp-login';
import { SimControl } from '../testing/e2e/sim-control';
import type { SeedSummary } from '../sim/seed';
import { DEV_SMOKE_APP_URL, DEV_SMOKE_SIM_URL } from '../testing/e2e/dev-smoke-env';

/** `next dev` compiles a page on its first request: minutes, on two busy cores. */
const FIRST_COMPILE_MS = 150_000;
/**
 * How long a page that has shown its content must then stay as it is. A reload seen on the first visit of a fresh
 * dev server came a few seconds after the rows showed (on a loaded machine: hydration, the HMR socket and the
 * next compiles all come late), so this is well past that.
 */
const SETTLE_MS = 10_000;
/** Set on `window` once a page shows its content: any new document (a reload, a redirect) loses it. */
const MARK = '__devSmokeShown';

/**
 * Watches one tab for the whole session, from its first document: every document it loads (CDP's
 * Page.frameNavigated on the main frame, which unlike Playwright's framenavigated leaves out the same-document
 * history updates the App Router makes on its own) and every order to reload that the HMR socket gives it
 * ({"type":"reloadPage"}, or a chunk list's {"type":"restart"}). Once a page has shown its content, `shown()` marks
 * it on `window`; `expectStillShown()` then fails on any document loaded since (whatever loaded it: a reload order,
 * a Fast Refresh full reload, the router falling back to a hard navigation) and on a missing mark.
 */
class SessionWatch {
  readonly documents: string[] = [];
  readonly reloadOrders: string[] = [];
  private since?: { label: string; documents: number; orders: number };

  private constructor(readonly page: Page) {}

  static async on(page: Page): Promise<SessionWatch> {
    const watch = new SessionWatch(page);
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

  /** The page shows its content: from now on it must stay the same document. */
  async shown(label: string): Promise<void> {
    await this.page.evaluate(({ key, value }) => ((window as unknown as Record<string, string>)[key] = value), {
      key: MARK,
      value: label,
    });
    this.since = { label, documents: this.documents.length, orders: this.reloadOrders.length };
  }

  /** Fails when the page shown last has loaded another document, been told to reload, or lost its mark. */
  async expectStillShown(): Promise<void> {
    const since = this.since;
    if (!since) throw new Error('nothing was shown yet');
    const during = {
      documents: this.documents.slice(since.documents),
      reloadOrders: this.reloadOrders.slice(since.orders),
    };
    expect(during, `${since.label} loaded a document or was told to reload after it showed its content`).toEqual({
      documents: [],
      reloadOrders: [],
    });
    const mark = await this.page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], MARK);
    expect(mark, `${since.label} is no longer the document that showed its content`).toBe(since.label);
  }

  /** Where the document list stands: pass it to expectSettles before starting the navigation that shows a page. */
  get documentCount(): number {
    return this.documents.length;
  }

  /**
   * Waits until `ready` shows (the page's real content, through its first compile), checks that exactly one document
   * loaded since `from` (the page's own: a reload right after its first paint would be a second), marks it, then
   * lets it sit for SETTLE_MS and checks that it is still that document and still shows its content.
   */
  async expectSettles(label: string, from: number, ready: () => Promise<void>): Promise<void> {
    await ready();
    expect(this.documents.slice(from), `${label} loaded more than its own document`).toHaveLength(1);
    await this.shown(label);
    // Waiting is the measurement here: the page must do nothing by itself for this long.
    await this.page.waitForTimeout(SETTLE_MS);
    await this.expectStillShown();
    await ready();
  }

  /** Before leaving the page shown last: it must still be the same document (nothing reloaded it meanwhile). */
  async leave(): Promise<void> {
    if (this.since) await this.expectStillShown();
  }
}

const visible = async (locator: Locator) => expect(locator).toBeVisible({ timeout: FIRST_COMPILE_MS });

test.describe.configure({ mode: 'serial' });

let page: Page;
let watch: SessionWatch;
let seed: SeedSummary;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ baseURL: DEV_SMOKE_APP_URL });
  watch = await SessionWatch.on(page);
  seed = await new SimControl(DEV_SMOKE_SIM_URL).seed();
});

test.afterAll(async () => {
  await page.close();
});

test('the landing page shows its sign-in and stays put', async () => {
  const from = watch.documentCount;
  await page.goto('/', { timeout: FIRST_COMPILE_MS });
  await watch.expectSettles('/', from, async () => {
    await visible(page.getByRole('link', { name: 'Sign in' }));
  });
});

test('/cosigners, first visited on the way back from sign-in, shows its rows and stays put', async () => {
  test.setTimeout(2 * FIRST_COMPILE_MS + 60_000);
  await watch.leave();
  // The first request for /cosigners in this dev server is the redirect back from the IdP: that first visit, the
  // one that compiles the page, is the one watched.
  await page.goto('/auth/login?returnTo=%2Fcosigners', { timeout: FIRST_COMPILE_MS });
  const from = watch.documentCount;
  await submitIdpLoginForm(page, DEV_SMOKE_APP_URL, 'alice');
  expect(new URL(page.url()).pathname).toBe('/cosigners');
  await watch.expectSettles('/cosigners', from, async () => {
    const table = page.getByRole('table', { name: 'Cosigners' });
    const firstLink = table.getByRole('row').nth(1).getByRole('link');
    await visible(firstLink);
    const href = (await firstLink.getAttribute('href')) ?? '';
    expect(seed.cosignerIds.map((id) => `/cosigners/${id}`)).toContain(href);
  });
});

test('a cosigner shows its API keys and stays put', async () => {
  await watch.leave();
  const key = seed.keyWithPublicKey;
  const from = watch.documentCount;
  await page.goto(`/cosigners/${key.cosignerId}`, { timeout: FIRST_COMPILE_MS });
  await watch.expectSettles(`/cosigners/${key.cosignerId}`, from, async () => {
    await visible(page.getByRole('heading', { level: 1 }));
    const table = page.getByRole('table', { name: 'API keys' });
    await visible(table.getByRole('link', { name: /^Edit callback handler for / }).first());
    await expect(page.getByText(key.cosignerId, { exact: true })).toBeVisible();
  });
});

test('the edit page shows its form and stays put', async () => {
  await watch.leave();
  const key = seed.keyWithPublicKey;
  const from = watch.documentCount;
  await page.goto(`/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}/edit`, { timeout: FIRST_COMPILE_MS });
  await watch.expectSettles('the edit page', from, async () => {
    const form = page.getByRole('form', { name: 'Change callback handler' });
    await visible(form.getByLabel('Callback URL'));
    await expect(form.getByLabel('Callback URL')).toBeEditable();
    // The verdict on the current handler is computed in the browser: it shows once the form has hydrated.
    await visible(page.getByText(/^(Looks right|Acceptable, with warnings|Cannot be used)$/).first());
  });
  await watch.leave();
});
