import 'server-only';

/** What a signed-in user may do in the console; `null` means signed in but not allowed in. */
export type Role = 'admin' | 'viewer';

export interface RoleMapping {
  adminGroups: readonly string[];
  viewerGroups: readonly string[];
}

/**
 * The one place IdP groups become a role. Admin wins when a user is in both lists; no mapped group
 * gives `null` (the "no access" page and 403 on every API route).
 */
export function roleForGroups(groups: readonly string[], mapping: RoleMapping): Role | null {
  if (groups.some((g) => mapping.adminGroups.includes(g))) return 'admin';
  if (groups.some((g) => mapping.viewerGroups.includes(g))) return 'viewer';
  return null;
}

/**
 * Reads the groups claim defensively: IdPs send an array of strings, some a single string; anything
 * else (numbers, objects, a missing claim) counts as no groups rather than failing sign-in.
 */
export function groupsFromClaims(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claims[claimName];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((g): g is string => typeof g === 'string');
}

/** True when `role` may do what `required` asks: admin includes viewer. */
export function roleSatisfies(role: Role | null, required: Role): boolean {
  if (role === null) return false;
  return required === 'viewer' || role === 'admin';
}
