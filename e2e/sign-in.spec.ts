import { patchAsBrowser, upstreamKeyPath, validHandlerBody } from '../testing/e2e/api-helpers';
import { APP_ORIGIN, expect, IDP_ORIGIN, signedInAs, test } from '../testing/e2e/fixtures';

test.describe('[AUTH][SIGN-IN]: each role lands where it belongs', () => {
  const landings = [
    { user: 'alice', path: '/cosigners', role: 'Admin' },
    { user: 'vera', path: '/cosigners', role: 'Viewer' },
    { user: 'nora', path: '/no-access', role: null },
  ] as const;

  for (const { user, path, role } of landings) {
    test(`${user} signs in through the IdP form and lands on ${path}`, async ({ page, signIn }) => {
      await signIn(user);
      await expect(page).toHaveURL(`${APP_ORIGIN}${path}`);
      if (role) {
        await expect(page.getByRole('heading', { level: 1, name: 'Cosigners' })).toBeVisible();
        await expect(page.getByRole('banner').getByText(role, { exact: true })).toBeVisible();
      } else {
        // No mapped group: no data, and every API route says 403.
        await expect(page.getByRole('table')).toHaveCount(0);
        expect((await page.request.get(`${APP_ORIGIN}/api/cosigners`)).status()).toBe(403);
      }
    });
  }
});

test.describe('[AUTH][ROLES]: a viewer cannot change anything', () => {
  test.use(signedInAs('vera'));

  test("vera's PATCH from her browser session is refused and nothing reaches Fireblocks", async ({
    page,
    sim,
    seed,
  }) => {
    const ref = seed.keyWithPublicKey;
    const before = (await sim.log()).length;
    const res = await patchAsBrowser(page.request, APP_ORIGIN, ref, validHandlerBody());
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    const patches = (await sim.log())
      .slice(before)
      .filter((e) => e.method === 'PATCH' && e.path.startsWith(upstreamKeyPath(ref)));
    expect(patches).toEqual([]);
  });
});

test.describe('[AUTH][SIGN-OUT]: signing out ends the session, at the console and at the IdP', () => {
  test('after sign-out /api/me is 401 and pages send the browser to the IdP', async ({ page, signIn }) => {
    await signIn('alice');
    await expect(page).toHaveURL(`${APP_ORIGIN}/cosigners`);
    expect((await page.request.get(`${APP_ORIGIN}/api/me`)).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${APP_ORIGIN}/`);
    expect((await page.request.get(`${APP_ORIGIN}/api/me`)).status()).toBe(401);

    // A page now redirects to sign-in, which starts at the IdP.
    const page1 = await page.request.get(`${APP_ORIGIN}/cosigners`, { maxRedirects: 0 });
    expect(page1.status()).toBeGreaterThanOrEqual(300);
    expect(page1.status()).toBeLessThan(400);
    const login = new URL(page1.headers().location ?? '', APP_ORIGIN);
    expect(login.pathname).toBe('/auth/login');
    const toIdp = await page.request.get(login.toString(), { maxRedirects: 0 });
    expect(new URL(toIdp.headers().location ?? '', APP_ORIGIN).origin).toBe(IDP_ORIGIN);

    // And in the browser itself, navigating to a page goes through the IdP.
    const visited: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest()) visited.push(new URL(r.url()).origin);
    });
    await page.goto('/cosigners');
    expect(visited).toContain(IDP_ORIGIN);
    // Sign-out ended the IdP session too (RP-initiated logout): the IdP asks who this is instead of reusing alice.
    await expect(page.getByLabel('Username')).toBeVisible();
  });
});
