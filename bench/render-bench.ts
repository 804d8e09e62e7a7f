import type { BrowserContext } from 'playwright-core';

import { median, withBrowserBench, type BrowserBenchContext } from './render-browser';
import { serveHtml, staticTableHtml, type StaticRow } from './render-static';
import { printSection, type BenchOutcome } from './report';

const ROWS = 100;
const RUNS = 7;
/** A data row of the keys table: the key id cell (skeleton rows have none). Same markup in the static page. */
const ROW_SELECTOR = 'tbody tr td:first-child code';

/**
 * Runs in the page before any of its own scripts: records performance.now() (ms since navigation start) the first
 * time the document holds ROWS data rows, as the parser or React inserts them.
 */
const WATCH_ROWS = `(() => {
  const done = () => document.querySelectorAll(${JSON.stringify(ROW_SELECTOR)}).length >= ${ROWS};
  const observer = new MutationObserver(() => {
    if (window.__rowsAt === undefined && done()) { window.__rowsAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Visit {
  /** ms from navigation start until the document held ROWS data rows. */
  rowsMs: number;
  /** ms from navigation start to the first byte of the document. */
  firstByteMs: number;
  /** Size of the HTML document as decoded (what the parser works through). */
  htmlKb: number;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  try {
    await page.addInitScript(WATCH_ROWS);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined, undefined, { timeout: 60_000 });
    await page.waitForLoadState('load');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        rowsMs: (window as unknown as { __rowsAt: number }).__rowsAt,
        firstByteMs: nav?.responseStart ?? NaN,
        htmlKb: (nav?.decodedBodySize ?? NaN) / 1000,
      };
    });
  } finally {
    await page.close();
  }
}

/**
 * Navigation to a rendered list of 100 API keys: the app's cosigner page (server render with a signed read from the
 * simulator, then hydration) against a static HTML page of the same rows from a bare loopback server. Warm browser
 * cache on both sides after one warm-up each; runs interleaved; medians compared. Budget: at most 2x the static page.
 */
export async function renderBench(ctx?: BrowserBenchContext): Promise<BenchOutcome[]> {
  return withBrowserBench(ctx, async ({ context, seed }) => {
    const appPath = `/cosigners/${seed.bigCosignerId}?pageSize=${ROWS}`;
    const res = await context.request.get(`/api/cosigners/${seed.bigCosignerId}/api-keys?pageSize=${ROWS}`);
    // The list answers each public key by its fingerprint (publicKeyFingerprint; null if unreadable), not the PEM.
    const keys = ((await res.json()) as { data: Array<{ id: string; lastSeen?: string; callbackHandler?: { url?: string; publicKeyFingerprint?: string | null; certPublicKeyHash?: string } }> }).data;
    const rows: StaticRow[] = keys.map((k) => ({
      id: k.id,
      lastSeen: k.lastSeen,
      url: k.callbackHandler?.url,
      auth: k.callbackHandler?.publicKeyFingerprint !== undefined ? 'Public key' : k.callbackHandler?.certPublicKeyHash ? 'Pinned certificate' : 'None',
    }));
    if (rows.length !== ROWS) throw new Error(`expected ${ROWS} keys from the simulator, got ${rows.length}`);
    const baseline = await serveHtml(staticTableHtml(rows));
    try {
      const app: Visit[] = [];
      const flat: Visit[] = [];
      await visit(context, appPath);
      await visit(context, baseline.url);
      for (let i = 0; i < RUNS; i++) {
        // Alternate which goes first, so drift on a shared machine falls on both sides alike.
        const order = i % 2 === 0 ? (['app', 'static'] as const) : (['static', 'app'] as const);
        for (const which of order) {
          if (which === 'app') app.push(await visit(context, appPath));
          else flat.push(await visit(context, baseline.url));
        }
      }
      const m = (sample: Visit[], k: keyof Visit) => median(sample.map((v) => v[k]));
      return printSection('rendered list of 100 keys (Chromium, navigation to rows)', [
        { metric: `time to ${ROWS} rows, median of ${RUNS}`, unit: 'ms', ours: m(app, 'rowsMs'), baseline: m(flat, 'rowsMs'), baselineLabel: 'static HTML', target: { max: 2 } },
        { metric: 'first byte of the document', unit: 'ms', ours: m(app, 'firstByteMs'), baseline: m(flat, 'firstByteMs'), baselineLabel: 'static HTML' },
        { metric: 'HTML document size', unit: 'kB', ours: m(app, 'htmlKb'), baseline: m(flat, 'htmlKb'), baselineLabel: 'static HTML' },
      ]);
    } finally {
      await baseline.close();
    }
  });
}
