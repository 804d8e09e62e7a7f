import type { ApiUserRole, ApiUserStatus, SimApiUser } from '../types';
import { derivedInt, derivedUuid } from './derive';

// Every seeded key id is the id of an API user (Fireblocks' cosigner endpoints name an API user's key by the user's
// id), so the seed gives most of them a user: a name people would recognise, a role, a status. A few keys have none
// (a user deleted while its key stayed paired), so the console's "no API user" case is in the demo too.

/** What each key's user does; with the team's name in front, unique within a cosigner (a number once they repeat). */
const PURPOSES = [
  'payout bot',
  'withdrawal signer',
  'sweeper',
  'rebalancer',
  'deposit monitor',
  'settlement engine',
  'fee manager',
  'ops automation',
  'reconciliation job',
  'hot wallet refill',
] as const;

/** Mostly signers (a paired key exists to sign), the other roles a Co-Signer's API user can have now and then. */
const ROLES: readonly ApiUserRole[] = [
  'SIGNER',
  'SIGNER',
  'SIGNER',
  'SIGNER',
  'SIGNER',
  'ADMIN',
  'NON_SIGNING_ADMIN',
  'EDITOR',
  'APPROVER',
  'VIEWER',
  'AUDITOR',
  'COLLATERALS_SIGNER',
];

/** About one key in 25 has no API user; the first four keys of a cosigner (the ones tests pick) always have one. */
const NO_USER_ONE_IN = 25;
const ALWAYS_NAMED = 4;

const titleOf = (team: string) => {
  const words = team.split('-');
  return [(words[0] ?? '').replace(/^./, (c) => c.toUpperCase()), ...words.slice(1)].join(' ');
};

function apiUserName(team: string, index: number): string {
  const purpose = PURPOSES[index % PURPOSES.length] ?? PURPOSES[0];
  const round = Math.floor(index / PURPOSES.length);
  return `${titleOf(team)} ${purpose}${round ? ` ${round + 1}` : ''}`;
}

/** Whether the seed leaves this key without an API user. */
function keyHasNoApiUser(seed: number, label: string, index: number): boolean {
  return index >= ALWAYS_NAMED && derivedInt(seed, `${label}:no-api-user`, NO_USER_ONE_IN) === 0;
}

/**
 * The API user of a seeded key: index 0 of every cosigner is a ready, enabled SIGNER (its handler decides whether
 * transactions are signed); the rest vary with the seed. Null when the seed leaves the key without one.
 */
export function seedApiUser(
  seed: number,
  label: string,
  keyId: string,
  team: string,
  index: number,
): SimApiUser | null {
  if (keyHasNoApiUser(seed, label, index)) return null;
  const role = index === 0 ? 'SIGNER' : (ROLES[derivedInt(seed, `${label}:role`, ROLES.length)] ?? 'SIGNER');
  const state = index === 0 ? 0 : derivedInt(seed, `${label}:user-state`, 40);
  // One in 40 is disabled, a few wait for activation or device setup; the rest are ready.
  const status: ApiUserStatus =
    state === 1
      ? 'PENDING_ACTIVATION'
      : state === 2
        ? 'PENDING_DEVICE_SETUP'
        : state === 3
          ? 'PENDING_DEVICE_PAIRING'
          : 'READY';
  return { id: keyId, name: apiUserName(team, index), role, enabled: state !== 4, status, userType: 'API' };
}

/** API users of the workspace paired with no cosigner: the list holds more than the keys. */
export function unpairedApiUsers(seed: number): SimApiUser[] {
  const user = (label: string, name: string, role: ApiUserRole): SimApiUser => ({
    id: derivedUuid(seed, `api-user:${label}`),
    name,
    role,
    enabled: true,
    status: 'READY',
    userType: 'API',
  });
  return [user('reporting', 'Reporting exporter', 'VIEWER'), user('compliance', 'Compliance auditor', 'AUDITOR')];
}
