import path from 'node:path';

/** The dev IdP's users (docs/contracts.md), one per role the journeys need. */
export const USERS = {
  alice: { login: 'alice', role: 'admin', name: 'Alice' },
  bob: { login: 'bob', role: 'admin', name: 'Bob' },
  vera: { login: 'vera', role: 'viewer', name: 'Vera' },
  nora: { login: 'nora', role: null, name: 'Nora' },
} as const;

export type UserName = keyof typeof USERS;

/** Where the setup project saves each user's signed-in browser state (git-ignored). */
export function authFile(user: UserName): string {
  return path.join(import.meta.dirname, '..', '..', 'e2e', '.auth', `${user}.json`);
}
