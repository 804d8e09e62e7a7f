import { expect } from 'vitest';

import type { RouteFile } from './route-files';

/** What a signed-out request to one file must get back; throws (via expect) otherwise. */
export type Expectation = (res: Response, target: Target) => Promise<void>;
export interface Target extends RouteFile {
  method: string;
}

/** Public by design, each with why and what it answers instead of a refusal. Adding to this list needs a reason. */
export const PUBLIC: Record<string, { why: string; expect: Expectation }> = {
  'app/api/health/route.ts': {
    why: 'liveness for load balancers; a constant that reveals nothing',
    expect: async (res) => {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    },
  },
  'app/api/ready/route.ts': {
    why: 'readiness for load balancers: yes or no (database migrated, signing key loaded), nothing else',
    expect: async (res) => {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    },
  },
  'app/api/metrics/route.ts': {
    why: 'Prometheus scrape: a bearer METRICS_TOKEN instead of a session; off (404) while unset, 401 without the token',
    expect: async (res) => {
      expect([401, 404]).toContain(res.status);
      const body = (await res.json()) as { error?: { code?: string } };
      expect(body.error?.code).toBe(res.status === 401 ? 'unauthenticated' : 'not_found');
    },
  },
  'app/page.tsx': {
    why: 'the landing page: a sign-in button for signed-out visitors, no data',
    expect: async (res) => {
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('/auth/login');
      expect(html).not.toMatch(/alice|@example/i);
    },
  },
  'app/auth/login/route.ts': {
    why: 'starts sign-in: always off to the IdP, never a session',
    expect: (res) => {
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get('location') ?? '').pathname).toBe('/auth');
      return res.body?.cancel() ?? Promise.resolve();
    },
  },
  'app/auth/callback/route.ts': {
    why: 'finishes sign-in: without the transaction cookie it refuses',
    expect: (res) => {
      expect(res.status).toBe(400);
      return res.body?.cancel() ?? Promise.resolve();
    },
  },
  'app/auth/logout/route.ts': {
    why: 'sign-out: refused unless same-origin; it revokes the cookie’s own session, clears cookies and sends the browser to end the IdP session',
    expect: (res) => {
      expect(res.status).toBe(403);
      return res.body?.cancel() ?? Promise.resolve();
    },
  },
};

/** A guarded API route: 401 with the standard error body. */
export const guardedApi: Expectation = async (res) => {
  expect(res.status).toBe(401);
  // no-transform too: small API answers skip gzip (lib/api-routes/api-headers.ts).
  expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
  const body = (await res.json()) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe('unauthenticated');
  expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
};

/** A guarded page: redirected to sign-in, coming back to the same path. */
export const guardedPage: Expectation = async (res, target) => {
  expect([302, 303, 307]).toContain(res.status);
  const location = new URL(res.headers.get('location') ?? '', 'http://app.invalid');
  expect(location.pathname).toBe('/auth/login');
  expect(location.searchParams.get('returnTo')).toBe(target.url);
  await res.body?.cancel();
};
