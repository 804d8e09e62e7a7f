import { bundleBench } from './bundle-bench';
import { renderBench } from './render-bench';
import { openBrowserBench } from './render-browser';
import type { BenchOutcome } from './report';

/** Both browser-side sections on one production stack and one signed-in Chromium (saves a start-up and a sign-in). */
export async function browserBenches(): Promise<BenchOutcome[]> {
  const ctx = await openBrowserBench();
  try {
    return [...(await bundleBench(ctx)), ...(await renderBench(ctx))];
  } finally {
    await ctx.close();
  }
}
