import { test as base, expect } from '@playwright/test';

import type { SeedSummary } from '../../sim/seed';
import { e2eEnv } from './e2e-env';
import { signInThroughIdp } from './idp-login';
import { SimControl } from './sim-control';
import { authFile, type UserName } from './users';

export interface Fixtures {
  /** The simulator's control routes: request log, faults, reset. */
  sim: SimControl;
  /** Ids in the simulator's seeded workspace (the 250-key cosigner, a key of each handler kind, ...). */
  seed: SeedSummary;
  /** Signs the current page in through the dev IdP's form (for journeys that test sign-in itself). */
  signIn: (user: UserName, returnTo?: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // Playwright requires the destructuring form for a fixture's first argument, even when it needs none.
  sim: async ({}, provide) => {
    await provide(new SimControl(e2eEnv.TEST_SIM_URL));
  },
  // From the running simulator, so a simulator started with another --seed still matches.
  seed: async ({ sim }, provide) => {
    await provide(await sim.seed());
  },
  signIn: async ({ page }, provide) => {
    await provide((user, returnTo) => signInThroughIdp(page, e2eEnv.TEST_APP_URL, user, returnTo));
  },
});

export { expect };

/** `test.use(signedInAs('alice'))`: start every test of a file with that user's saved session. */
export function signedInAs(user: UserName): { storageState: string } {
  return { storageState: authFile(user) };
}

/** The app's origin, for Origin headers and URL checks. */
export const APP_ORIGIN = new URL(e2eEnv.TEST_APP_URL).origin;
export const IDP_ORIGIN = new URL(e2eEnv.TEST_IDP_URL).origin;
