// @ts-check

/**
 * proxy.ts does not run on /api/ (it would add ~1.5 ms to every call); route answers get their security headers
 * from lib/api/handler.ts. These are for the answers Next gives there by itself (404 for an unknown path, 405 for
 * a wrong method, 204 for OPTIONS). Next sets them before the route runs and then ignores a route's own value for
 * the same header, so they must equal apiSecurityHeaders in lib/security/headers.ts (tests/security/route-walk.test.ts
 * checks). That includes Cache-Control, which is therefore the same on every /api/ answer (lib/api-routes/api-headers.ts).
 * HSTS is left to the routes: it depends on the configuration.
 */
const apiFallbackHeaders = [
  { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cache-Control', value: 'no-store, no-transform' },
];

/**
 * `npm run bench` makes its own build with BENCH_BUILD=1 (bench/render-browser.ts): there, and only there, a
 * `page.bench.tsx` is a page, so the render bench's reference pages (app/bench/) never ship in the product's build.
 * That build goes to a git-ignored folder of its own (and `next start` for it needs the same variable), so it never
 * stands in for the product's `.next/`. Read here, not in lib/config/env.ts: it shapes the build, not the app.
 */
const benchBuild = process.env.BENCH_BUILD === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `node server.js` in .next/standalone with only the modules it needs traced in (Dockerfile, tests/standalone).
  output: 'standalone',
  // stack/dev-stack.ts (BENCH_DIST_DIR) looks for that build in the same place.
  ...(benchBuild && { distDir: 'test-results/bench/next', pageExtensions: ['bench.tsx', 'tsx', 'ts', 'jsx', 'js'] }),
  poweredByHeader: false,
  reactStrictMode: true,
  images: { unoptimized: true },
  // The simulator and dev IdP are separate processes; keep their code out of the app bundle. better-sqlite3 (native:
  // its .node binary is loaded at run time) and pg stay plain node_modules requires, which the standalone output's
  // file tracing copies along with better-sqlite3's build/Release/better_sqlite3.node.
  serverExternalPackages: ['oidc-provider', 'better-sqlite3', 'pg'],
  headers: () => Promise.resolve([{ source: '/api/:path*', headers: apiFallbackHeaders }]),
  // `next dev` would otherwise write (and keep rewriting) an AGENTS.md into the checkout on every start: a file
  // nobody asked for in `git status`, in Tailwind's source scan and in the lint's reach.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
