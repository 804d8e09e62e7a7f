/** The dev IdP's people (docs/contracts.md): any password is accepted for them. */
export interface DevUser {
  name: string;
  email: string;
  groups: string[];
}

export const DEV_USERS: Readonly<Record<string, DevUser>> = {
  alice: { name: 'Alice', email: 'alice@example.test', groups: ['console-admins'] },
  bob: { name: 'Bob', email: 'bob@example.test', groups: ['console-admins'] },
  vera: { name: 'Vera', email: 'vera@example.test', groups: ['console-viewers'] },
  nora: { name: 'Nora', email: 'nora@example.test', groups: [] },
};

/** The claims the provider releases for a user, by scope (see `claims` in ./provider.ts). */
export function claimsFor(login: string): Record<string, unknown> | undefined {
  const user = DEV_USERS[login];
  if (!user) return undefined;
  return {
    sub: login,
    name: user.name,
    preferred_username: login,
    email: user.email,
    email_verified: true,
    groups: user.groups,
  };
}
