import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext } from 'playwright-core';

import { securityHeaders } from '@/lib/security/headers';

import { REPO_ROOT } from '../testing/app/canary-build';
import { median, withBrowserBench, type BrowserBenchContext } from './render-browser';
import { serveReplay, tableOnly, withoutScripts } from './render-replay';
import { serveHtml, staticTableHtml, type StaticRow } from './render-static';
import { printSection, type BenchOutcome } from './report';

const ROWS = 100;
const RUNS = 25;
/** Visits per side before measuring: a fresh server's first renders run in V8's interpreter, a warm one's do not. */
const WARM_UP = 3;
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
  /** ms from navigation start to its last byte: the server's share of the wait, beside rowsMs. */
  lastByteMs: number;
  /** Size of the HTML document as decoded (what the parser works through). */
  htmlKb: number;
}

async function visit(context: BrowserContext, url: string): Promise<Visit> {
  const page = await context.newPage();
  try {
    await page.addInitScript(WATCH_ROWS);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __rowsAt?: number }).__rowsAt !== undefined, undefined, {
      timeout: 60_000,
    });
    await page.waitForLoadState('load');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        rowsMs: (window as unknown as { __rowsAt: number }).__rowsAt,
        firstByteMs: nav?.responseStart ?? NaN,
        lastByteMs: nav?.responseEnd ?? NaN,
        htmlKb: (nav?.decodedBodySize ?? NaN) / 1000,
      };
    });
  } finally {
    await page.close();
  }
}

/** The console's page security headers (lib/security/headers.ts) for a page without scripts. */
function staticPageHeaders(idp: URL): Record<string, string> {
  return securityHeaders({ nonce: 'static', production: true, idpOrigin: idp.origin, https: false });
}

/**
 * Navigation to a rendered list of 100 API keys: the app's cosigner page (server render with a signed read from the
 * simulator, then hydration) against a static HTML page of the same rows from a loopback server, sent with the
 * console's page security headers (and, for information, without them, and the app's own document replayed from
 * memory with and without its scripts: the browser's share alone). Warm browser cache on every side after WARM_UP
 * visits each; runs interleaved; medians compared. Judged: time to the rows at most 1.25x a minimal
 * server-component page of the same build with the same rows (the console's row markup) and read (the framework's
 * floor), the static page printed beside both, and the same floor page with plain cells beside it (what the rows'
 * content costs); and the document at most 3x the static page's HTML.
 */
export async function renderBench(ctx?: BrowserBenchContext): Promise<BenchOutcome[]> {
  return withBrowserBench(ctx, async ({ app, context, seed }) => {
    const appPath = `/cosigners/${seed.bigCosignerId}?pageSize=${ROWS}`;
    // The framework floor: the same rows (the console's own markup) from the same signed read, rendered by a bare
    // server-component page of this build (app/bench/key-rows, in the bench's own build only); and the same page
    // with the keys as four plain cells, to show what the rows' content costs.
    const floorPath = `/bench/key-rows/${seed.bigCosignerId}?pageSize=${ROWS}`;
    const plainFloorPath = `${floorPath}&rows=plain`;
    const floorCheck = await context.request.get(floorPath);
    if (floorCheck.status() !== 200)
      throw new Error(
        `the floor page answered HTTP ${floorCheck.status()}: is this the bench's build (BENCH_BUILD=1)?`,
      );
    const res = await context.request.get(`/api/cosigners/${seed.bigCosignerId}/api-keys?pageSize=${ROWS}`);
    // The list answers each public key by its fingerprint (publicKeyFingerprint; null if unreadable), not the PEM.
    const keys = (
      (await res.json()) as {
        data: Array<{
          id: string;
          lastSeen?: string;
          callbackHandler?: { url?: string; publicKeyFingerprint?: string | null; certPublicKeyHash?: string };
        }>;
      }
    ).data;
    const rows: StaticRow[] = keys.map((k) => ({
      id: k.id,
      lastSeen: k.lastSeen,
      url: k.callbackHandler?.url,
      auth:
        k.callbackHandler?.publicKeyFingerprint !== undefined
          ? 'Public key'
          : k.callbackHandler?.certPublicKeyHash
            ? 'Pinned certificate'
            : 'None',
    }));
    if (rows.length !== ROWS) throw new Error(`expected ${ROWS} keys from the simulator, got ${rows.length}`);
    const html = staticTableHtml(rows);
    // The judged baseline carries the console's own page headers, as a static page served by the console would: its
    // Cross-Origin-Opener-Policy makes Chromium switch browsing-context group (a new renderer) on a navigation from
    // another page, a cost of the policy rather than of rendering. The bare page is shown beside it.
    const withHeaders = await serveHtml(html, staticPageHeaders(new URL(app.idpUrl)));
    const bare = await serveHtml(html);
    // The app's own document, captured and served from memory (with and without its scripts): how much of the time
    // is the browser's work on this page, whatever the server does.
    const captured = await (await context.request.get(appPath)).text();
    // Kept for reading what the document carries (rows as HTML, the RSC payload) when its size moves.
    mkdirSync(path.join(REPO_ROOT, 'test-results', 'bench'), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, 'test-results', 'bench', 'cosigner-page-100-keys.html'), captured);
    // The floor page's document the same way: the browser's share of the floor, beside the console's.
    const floorCaptured = await (await context.request.get(floorPath)).text();
    const idpOrigin = new URL(app.idpUrl).origin;
    const replays = await Promise.all([
      serveReplay(app.appUrl, captured, idpOrigin),
      serveReplay(app.appUrl, withoutScripts(captured), idpOrigin),
      serveReplay(app.appUrl, tableOnly(captured), idpOrigin),
      serveReplay(app.appUrl, floorCaptured, idpOrigin),
      serveReplay(app.appUrl, withoutScripts(floorCaptured), idpOrigin),
    ]);
    const [replay, replayHtmlOnly, replayTable, floorReplay, floorHtmlOnly] = replays;
    try {
      const sides = {
        app: appPath,
        floor: floorPath,
        plainFloor: plainFloorPath,
        static: withHeaders.url,
        bare: bare.url,
        replay: replay.url,
        htmlOnly: replayHtmlOnly.url,
        tableOnly: replayTable.url,
        floorReplay: floorReplay.url,
        floorHtmlOnly: floorHtmlOnly.url,
      };
      const visits = Object.fromEntries(Object.keys(sides).map((name) => [name, [] as Visit[]])) as Record<
        keyof typeof sides,
        Visit[]
      >;
      const names = Object.keys(sides) as Array<keyof typeof sides>;
      for (let i = 0; i < WARM_UP; i++) for (const name of names) await visit(context, sides[name]);
      for (let i = 0; i < RUNS; i++) {
        // Rotate which goes first, so drift on a shared machine falls on every side alike.
        for (let j = 0; j < names.length; j++) {
          const name = names[(i + j) % names.length]!;
          visits[name].push(await visit(context, sides[name]));
        }
      }
      const m = (sample: Visit[], k: keyof Visit) => median(sample.map((v) => v[k]));
      const label = 'static HTML';
      return printSection('rendered list of 100 keys (Chromium, navigation to rows)', [
        {
          metric: `time to ${ROWS} rows, median of ${RUNS}`,
          unit: 'ms',
          ours: m(visits.app, 'rowsMs'),
          baseline: m(visits.floor, 'rowsMs'),
          baselineLabel: 'floor page, same rows',
          target: { max: 1.25 },
        },
        {
          metric: '  against the floor page with plain cells',
          unit: 'ms',
          ours: m(visits.app, 'rowsMs'),
          baseline: m(visits.plainFloor, 'rowsMs'),
          baselineLabel: 'floor page, plain',
        },
        {
          metric: '  the floor page, same rows',
          unit: 'ms',
          ours: m(visits.floor, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          // The rows' content: the same keys as four unstyled cells.
          metric: '  the floor page, plain cells',
          unit: 'ms',
          ours: m(visits.plainFloor, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: '  the console page',
          unit: 'ms',
          ours: m(visits.app, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: '  vs the same page without headers',
          unit: 'ms',
          ours: m(visits.app, 'rowsMs'),
          baseline: m(visits.bare, 'rowsMs'),
          baselineLabel: 'bare HTML',
        },
        {
          metric: "  the app's document from memory",
          unit: 'ms',
          ours: m(visits.replay, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: '  the same without its scripts',
          unit: 'ms',
          ours: m(visits.htmlOnly, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: '  its table alone (no shell, no scripts)',
          unit: 'ms',
          ours: m(visits.tableOnly, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: "  the floor's document from memory",
          unit: 'ms',
          ours: m(visits.floorReplay, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: '  the same without its scripts',
          unit: 'ms',
          ours: m(visits.floorHtmlOnly, 'rowsMs'),
          baseline: m(visits.static, 'rowsMs'),
          baselineLabel: label,
        },
        {
          metric: 'first byte of the document',
          unit: 'ms',
          ours: m(visits.app, 'firstByteMs'),
          baseline: m(visits.static, 'firstByteMs'),
          baselineLabel: label,
        },
        {
          // The server's share of the gap to the floor: both wait for the same signed read before the first byte.
          metric: '  the floor page, same rows',
          unit: 'ms',
          ours: m(visits.floor, 'firstByteMs'),
          baseline: m(visits.static, 'firstByteMs'),
          baselineLabel: label,
        },
        {
          metric: 'last byte of the document',
          unit: 'ms',
          ours: m(visits.app, 'lastByteMs'),
          baseline: m(visits.static, 'lastByteMs'),
          baselineLabel: label,
        },
        {
          // Each row should travel once (as HTML, not again as RSC props and query data).
          metric: 'HTML document size',
          unit: 'kB',
          ours: m(visits.app, 'htmlKb'),
          baseline: m(visits.static, 'htmlKb'),
          baselineLabel: label,
          target: { max: 3 },
        },
        {
          metric: '  the floor page, same rows',
          unit: 'kB',
          ours: m(visits.floor, 'htmlKb'),
          baseline: m(visits.static, 'htmlKb'),
          baselineLabel: label,
        },
        {
          metric: '  the floor page, plain cells',
          unit: 'kB',
          ours: m(visits.plainFloor, 'htmlKb'),
          baseline: m(visits.static, 'htmlKb'),
          baselineLabel: label,
        },
      ]);
    } finally {
      await Promise.all([withHeaders.close(), bare.close(), ...replays.map((r) => r.close())]);
    }
  });
}
