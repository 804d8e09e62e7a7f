import { gzipSync } from 'node:zlib';

import type { BrowserContext } from 'playwright-core';

import { scriptUrls } from '../scripts/bench/script-urls';
import { withBrowserBench, type BrowserBenchContext } from './render-browser';
import { printSection, type BenchOutcome, type BenchRow } from './report';

/** Budgets: a blank Next 16 page is ~170 kB; React Query, react-hook-form and zod add ~51 kB. */
const LIST_BUDGET_KB = 195;
const EDIT_BUDGET_KB = 235;

interface PageBudget {
  label: string;
  path: string;
  budgetKb: number;
}

/**
 * First-load JavaScript per page of the production build, gzipped: the page's HTML is fetched with an admin's
 * session from `next start`, every script it loads is fetched and gzipped (level 9), and the sizes are summed.
 * Next 16 no longer prints this figure, so it is measured from what a browser really downloads.
 */
export async function bundleBench(ctx?: BrowserBenchContext): Promise<BenchOutcome[]> {
  return withBrowserBench(ctx, async ({ context, seed }) => {
    const key = seed.keyWithPublicKey;
    const pages: PageBudget[] = [
      { label: '/cosigners', path: '/cosigners', budgetKb: LIST_BUDGET_KB },
      { label: '/cosigners/[id]', path: `/cosigners/${seed.bigCosignerId}`, budgetKb: LIST_BUDGET_KB },
      {
        label: '/cosigners/[id]/api-keys/[key]/edit',
        path: `/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}/edit`,
        budgetKb: EDIT_BUDGET_KB,
      },
    ];
    const rows: BenchRow[] = [];
    const gzippedKb = async (urls: string[]) => {
      let bytes = 0;
      for (const url of urls) {
        const script = await context.request.get(url);
        if (!script.ok()) throw new Error(`GET ${url} answered ${script.status()}`);
        bytes += gzipSync(await script.body(), { level: 9 }).length;
      }
      return bytes / 1000;
    };
    for (const page of pages) {
      const res = await context.request.get(page.path, { maxRedirects: 0 });
      if (res.status() !== 200)
        throw new Error(`GET ${page.path} answered ${res.status()}; the bench needs a signed-in page`);
      const urls = scriptUrls(await res.text(), res.url());
      const loaded = await scriptsLoadedByBrowser(context, page.path);
      rows.push(
        {
          metric: `first-load JS ${page.label} (${urls.length} scripts)`,
          unit: 'kB gzip',
          ours: await gzippedKb(urls),
          baseline: page.budgetKb,
          baselineLabel: 'budget',
          target: { max: 1 },
        },
        // Not judged: also counts chunks loaded lazily after hydration, so a lazy split cannot hide weight.
        {
          metric: `  all JS once idle (${loaded.length} scripts)`,
          unit: 'kB gzip',
          ours: await gzippedKb(loaded),
          baseline: page.budgetKb,
          baselineLabel: 'budget',
        },
      );
    }
    return printSection('page weight (production build, gzip)', rows);
  });
}

/** Every script Chromium fetched for the page until the network went quiet (eager and lazy chunks alike). */
async function scriptsLoadedByBrowser(context: BrowserContext, path: string): Promise<string[]> {
  const page = await context.newPage();
  const urls = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') urls.add(r.url());
  });
  try {
    await page.goto(path, { waitUntil: 'networkidle' });
    return [...urls];
  } finally {
    await page.close();
  }
}
