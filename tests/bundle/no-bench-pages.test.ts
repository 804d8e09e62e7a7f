import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { ensureCanaryBuild } from '../../testing/app/canary-build';

// The render bench's reference pages (app/bench/**/page.bench.tsx) are pages only in the bench's own build
// (BENCH_BUILD=1, next.config.js): the product's build must route none of them.
let routes: string[];

beforeAll(async () => {
  // The test runner's build; else a private canary build of the same sources.
  const distDir = process.env.TEST_BUILD_DIR ?? (await ensureCanaryBuild()).distDir;
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8')) as Record<
    string,
    string
  >;
  routes = Object.values(manifest);
}, 600_000);

describe('the production build', () => {
  it('routes the console pages', () => {
    expect(routes).toContain('/cosigners/[cosignerId]');
  });

  it('routes no bench page', () => {
    expect(routes.filter((route) => route.startsWith('/bench'))).toEqual([]);
  });
});
