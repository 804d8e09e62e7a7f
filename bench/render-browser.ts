import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

import { chromiumLaunchOptions } from '../testing/e2e/browser';
import { signInThroughIdp } from '../testing/e2e/idp-login';
import { SimControl } from '../testing/e2e/sim-control';
import type { SeedSummary } from '../sim/seed';
import { ensureChromium } from '../scripts/ensure-chromium';
import { productionApp, type RunningApp } from '../scripts/prod-stack';

/** A production app with Chromium signed in as an admin: what the browser-side benches measure against. */
export interface BrowserBenchContext {
  app: RunningApp;
  /** Signed in as alice (admin) through the dev IdP; a persistent profile (see openBrowserBench). */
  context: BrowserContext;
  seed: SeedSummary;
  close(): Promise<void>;
}

/** Ports of the stack the benches start when no runner provided one (TEST_APP_URL...). */
const BENCH_PORTS = {
  app: Number(process.env.BENCH_APP_PORT ?? 3920),
  sim: Number(process.env.BENCH_SIM_PORT ?? 4920),
  idp: Number(process.env.BENCH_IDP_PORT ?? 4921),
};

export async function openBrowserBench(): Promise<BrowserBenchContext> {
  ensureChromium();
  // The bench's own build (next.config.js): the product's plus the render bench's framework-floor page (app/bench/).
  const app = await productionApp(BENCH_PORTS, { BENCH_BUILD: '1' });
  // A profile on disk, like an admin's own browser. Playwright's default contexts are incognito, and Chromium keeps no
  // V8 code cache there: every visit would compile the page's scripts afresh, which no returning user pays.
  const profileDir = mkdtempSync(path.join(tmpdir(), 'cosigner-bench-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunchOptions(),
    baseURL: app.appUrl,
  });
  const closeBrowser = async () => {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    await signInThroughIdp(page, app.appUrl, 'alice');
    await page.close();
    const seed = await new SimControl(app.simUrl).seed();
    return {
      app,
      context,
      seed,
      close: async () => {
        await closeBrowser();
        await app.close();
      },
    };
  } catch (error) {
    await closeBrowser();
    await app.close();
    throw error;
  }
}

/** Runs `fn` with the given context, or with one opened (and closed) just for it. */
export async function withBrowserBench<T>(
  ctx: BrowserBenchContext | undefined,
  fn: (c: BrowserBenchContext) => Promise<T>,
): Promise<T> {
  if (ctx) return fn(ctx);
  const own = await openBrowserBench();
  try {
    return await fn(own);
  } finally {
    await own.close();
  }
}

/** Median of a sample. */
export function median(sample: number[]): number {
  const s = [...sample].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}
