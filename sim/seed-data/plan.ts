import type { CosignerType } from '../types';

/** The workspace the seed data portrays: fixed names and sizes; ids, handlers and times come from the seed. */
export interface CosignerPlan {
  name: string;
  type: CosignerType;
  keyCount: number;
  archived?: boolean;
  /** Host part of its callback handlers' URLs. */
  team: string;
  versionName: string;
}

/** Oldest first: the archived one is the oldest, so the default (DESC) list shows it last. */
export const COSIGNER_PLAN: readonly CosignerPlan[] = [
  {
    name: 'Legacy Treasury SGX',
    type: 'SGX',
    keyCount: 4,
    archived: true,
    team: 'treasury-legacy',
    versionName: '2.9.0 (March 2024)',
  },
  { name: 'Treasury SGX', type: 'SGX', keyCount: 250, team: 'treasury', versionName: '3.7.2 (January 2026)' },
  { name: 'Payments SGX', type: 'SGX', keyCount: 12, team: 'payments', versionName: '3.7.2 (January 2026)' },
  { name: 'Settlement Nitro', type: 'AWS-NITRO', keyCount: 37, team: 'settlement', versionName: '2026.08.19' },
  { name: 'Market Making Nitro', type: 'AWS-NITRO', keyCount: 3, team: 'trading', versionName: '2026.05.12' },
  {
    name: 'Custody Confidential Space',
    type: 'GCP-CONFSPACE',
    keyCount: 8,
    team: 'custody',
    versionName: '2026.07.01',
  },
  {
    name: 'Staking Confidential Space',
    type: 'GCP-CONFSPACE',
    keyCount: 5,
    team: 'staking',
    versionName: '2026.03.30',
  },
  // Below SGX 3.7.1: live, but its handlers cannot be changed through the API (lib/cosigners/edit-gate.ts). Last,
  // so the ids and handlers of the cosigners above stay what they were.
  { name: 'Branch Office SGX', type: 'SGX', keyCount: 2, team: 'branch', versionName: '3.6.1 (October 2025)' },
];

const LARGE_SGX = { type: 'SGX', label: 'SGX', versionName: '3.7.2 (January 2026)' } as const;
const LARGE_TYPES: ReadonlyArray<{ type: CosignerType; label: string; versionName: string }> = [
  LARGE_SGX,
  { type: 'AWS-NITRO', label: 'Nitro', versionName: '2026.08.19' },
  { type: 'GCP-CONFSPACE', label: 'Confidential Space', versionName: '2026.07.01' },
];

/** The bench's workspace: 20 live cosigners of 500 keys (10,000 keys; five full pages of 100 each). */
export const LARGE_PLAN: readonly CosignerPlan[] = Array.from({ length: 20 }, (_, i) => {
  const kind = LARGE_TYPES[i % LARGE_TYPES.length] ?? LARGE_SGX;
  const n = String(i + 1).padStart(2, '0');
  return {
    name: `Fleet ${n} ${kind.label}`,
    type: kind.type,
    keyCount: 500,
    team: `fleet-${n}`,
    versionName: kind.versionName,
  };
});

/** lastSeen times count back from this fixed instant so the data does not change with the clock. */
export const SEED_EPOCH_MS = Date.UTC(2026, 10, 20, 12, 0, 0);
