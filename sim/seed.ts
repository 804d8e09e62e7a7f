import { editGateOf } from '../lib/cosigners/edit-gate';
import { AUDIT_EVENTS, keySubject, type AuditLogEvent } from './audit-log';
import { seedApiUser, unpairedApiUsers } from './seed-data/api-users';
import { derivedHex, derivedInt, derivedUuid } from './seed-data/derive';
import {
  FINDING_KEYS_COSIGNER,
  findingKeyId,
  findingKeys,
  SEARCH_KEY_URL,
  searchKeyOf,
  type FindingKeyRole,
} from './seed-data/finding-keys';
import { seedHandler } from './seed-data/handlers';
import { COSIGNER_PLAN, LARGE_PLAN, SEED_EPOCH_MS, type CosignerPlan } from './seed-data/plan';
import type { Store } from './store';
import type { SimApiKey, SimApiUser, SimCosigner, CosignerType, WorkspaceSize } from './types';

export const DEFAULT_SEED = 1;

export interface SeededCosigner {
  cosigner: SimCosigner;
  keys: SimApiKey[];
  /** Host part of its handlers' URLs and first word of its API users' names. */
  team: string;
}

/** The labels every id and value of a workspace is derived from; the large one has its own, so no id is shared. */
const LABELS: Record<WorkspaceSize, { plan: readonly CosignerPlan[]; prefix: string }> = {
  demo: { plan: COSIGNER_PLAN, prefix: '' },
  large: { plan: LARGE_PLAN, prefix: 'large-' },
};

function seedKey(seed: number, epochMs: number, plan: CosignerPlan, label: string, index: number): SimApiKey {
  const key: SimApiKey = { id: derivedUuid(seed, label) };
  // About one key in ten has never been seen (a freshly paired API user): lastSeen is optional upstream.
  if (derivedInt(seed, `${label}:seen`, 10) !== 0) {
    const minutesAgo = derivedInt(seed, `${label}:ago`, 30 * 24 * 60);
    key.lastSeen = new Date(epochMs - minutesAgo * 60_000).toISOString();
  }
  const handler = seedHandler(seed, label, plan.team, index, plan.type === 'AWS-NITRO');
  if (handler) key.callbackHandler = handler;
  return key;
}

/**
 * The seeded workspace, oldest cosigner first; pure and deterministic in `seed` and `epochMs`, the instant lastSeen
 * times count back from (SEED_EPOCH_MS by default; the simulator passes the time it loads the seed, so "not seen for
 * 30 days" means the same on any day). `large` is the bench's 10,000 keys: generated keys only (no findings' keys).
 */
export function buildSeed(
  seed: number,
  epochMs: number = SEED_EPOCH_MS,
  workspace: WorkspaceSize = 'demo',
): SeededCosigner[] {
  const { plan: plans, prefix } = LABELS[workspace];
  const data = plans.map((plan, i) => ({
    cosigner: {
      archived: plan.archived ?? false,
      id: derivedUuid(seed, `${prefix}cosigner:${i}`),
      name: plan.name,
      type: plan.type,
      version: { hash: derivedHex(seed, `${prefix}version:${i}`, 10), name: plan.versionName },
    },
    keys: Array.from({ length: plan.keyCount }, (_, k) => seedKey(seed, epochMs, plan, `${prefix}key:${i}:${k}`, k)),
    team: plan.team,
  }));
  if (workspace === 'large') return data;
  // The findings page's keys, after the generated ones; the shared URL is that of another cosigner's first key.
  const sharedUrlOf = data.find((d) => !d.cosigner.archived && d.keys.length < 250)?.keys[0]?.callbackHandler?.url;
  const target = data.find((d) => d.cosigner.name === FINDING_KEYS_COSIGNER);
  if (target && sharedUrlOf) target.keys.push(...Object.values(findingKeys(seed, epochMs, sharedUrlOf)));
  const searchKey = searchKeyOf(data.find((d) => d.keys.length === 250)?.keys ?? []);
  if (searchKey?.callbackHandler) searchKey.callbackHandler.url = SEARCH_KEY_URL;
  return data;
}

/**
 * The workspace's API users: one for each seeded key (the key id is its API user's id) except the few the seed
 * leaves without one, then the users paired with no cosigner.
 */
export function seedApiUsers(seed: number, data: SeededCosigner[]): SimApiUser[] {
  const users = data.flatMap(({ keys, team }) =>
    keys.flatMap((k, i) => seedApiUser(seed, `api-user:${k.id}`, k.id, team, i) ?? []),
  );
  return [...users, ...unpairedApiUsers(seed)];
}

const HOUR_MS = 3_600_000;

/**
 * A week of history in Fireblocks' audit log, oldest first, counting back from `epochMs`: the pairings of the first
 * keys of a few cosigners and a handler update, by two console users. Only a few are within the last day, so DAY and
 * WEEK differ.
 */
function seedAuditHistory(seed: number, data: SeededCosigner[], epochMs: number): AuditLogEvent[] {
  const people = ['dana@acme-capital.example', 'lee@acme-capital.example'];
  const live = data.filter((d) => !d.cosigner.archived);
  const events: AuditLogEvent[] = [];
  live.slice(0, 6).forEach(({ cosigner, keys }, i) => {
    const key = keys[keys.length - 1];
    if (!key) return;
    const user = people[i % people.length] ?? 'dana@acme-capital.example';
    const hoursAgo = 150 - i * 26 - derivedInt(seed, `audit:${i}`, 6);
    events.push({
      atMs: epochMs - hoursAgo * HOUR_MS,
      user,
      userId: derivedUuid(seed, `console-user:${user}`),
      subject: keySubject(cosigner, key.id),
      event: i === 5 ? AUDIT_EVENTS.handlerUpdated : AUDIT_EVENTS.paired,
    });
  });
  return events.sort((a, b) => a.atMs - b.atMs);
}

export interface LoadedSeed {
  apiUsers: SimApiUser[];
  auditHistory: AuditLogEvent[];
}

export function loadSeed(
  store: Store,
  seed: number,
  epochMs: number = SEED_EPOCH_MS,
  workspace: WorkspaceSize = 'demo',
): LoadedSeed {
  store.clear();
  const data = buildSeed(seed, epochMs, workspace);
  for (const { cosigner, keys } of data) {
    store.addCosigner(cosigner);
    for (const key of keys) store.putKey(cosigner.id, key);
  }
  return { apiUsers: seedApiUsers(seed, data), auditHistory: seedAuditHistory(seed, data, epochMs) };
}

export interface KeyRef {
  cosignerId: string;
  apiKeyId: string;
}

export interface SeedSummary {
  cosignerCount: number;
  /** All cosigner ids, oldest first (ASC order). */
  cosignerIds: string[];
  /** The cosigner with exactly 250 API keys. */
  bigCosignerId: string;
  archivedCosignerId: string;
  byType: Partial<Record<CosignerType, string[]>>;
  keyCounts: Record<string, number>;
  keyWithPublicKey: KeyRef;
  keyWithCert: KeyRef;
  keyWithNoHandler: KeyRef;
  /** Keys added for the findings page (sim/seed-data/finding-keys.ts). */
  keyMisrouted: KeyRef;
  keySharedUrl: KeyRef;
  keyNotSeen: KeyRef;
  /** The 250-key cosigner's key on its third page (100 rows, default order) with a host of its own. */
  keyOnPage3: KeyRef;
  /** A key whose id has no API user in `GET /v1/management/api_users`. */
  keyWithoutApiUser: KeyRef;
}

/** `GET /_sim/seed` of the large workspace: its size and ids (none of the demo's named keys). */
export interface LargeSeedSummary {
  workspace: 'large';
  cosignerCount: number;
  cosignerIds: string[];
  keyCounts: Record<string, number>;
  apiUserCount: number;
}

const largeSummaries = new Map<number, LargeSeedSummary>();

/** Kept per seed: building 10,000 keys takes a fraction of a second, and scripts ask for the summary often. */
export function largeSeedSummary(seed: number = DEFAULT_SEED): LargeSeedSummary {
  const kept = largeSummaries.get(seed);
  if (kept) return kept;
  const data = buildSeed(seed, SEED_EPOCH_MS, 'large');
  const summary: LargeSeedSummary = {
    workspace: 'large',
    cosignerCount: data.length,
    cosignerIds: data.map((d) => d.cosigner.id),
    keyCounts: Object.fromEntries(data.map((d) => [d.cosigner.id, d.keys.length])),
    apiUserCount: seedApiUsers(seed, data).length,
  };
  largeSummaries.set(seed, summary);
  return summary;
}

function keyOnPage3(data: SeededCosigner[]): KeyRef {
  const big = data.find((d) => d.keys.length === 250);
  const key = big && searchKeyOf(big.keys);
  if (!big || !key) throw new Error('the seed lacks the search key of the 250-key cosigner');
  return { cosignerId: big.cosigner.id, apiKeyId: key.id };
}

/** Ids tests and scripts need, found in the seed rather than hard-coded (keys only of cosigners one can edit). */
export function seedSummary(seed: number = DEFAULT_SEED): SeedSummary {
  const data = buildSeed(seed);
  const named = new Set(seedApiUsers(seed, data).map((u) => u.id));
  const find = (pred: (k: SimApiKey) => boolean): KeyRef => {
    for (const { cosigner, keys } of data) {
      const key = keys.find(pred);
      if (key && editGateOf(cosigner).editable) return { cosignerId: cosigner.id, apiKeyId: key.id };
    }
    throw new Error('seed lacks a key of that kind');
  };
  const findingKey = (role: FindingKeyRole): KeyRef => {
    const cosigner = data.find((d) => d.cosigner.name === FINDING_KEYS_COSIGNER)?.cosigner;
    if (!cosigner) throw new Error(`the seed lacks ${FINDING_KEYS_COSIGNER}`);
    return { cosignerId: cosigner.id, apiKeyId: findingKeyId(seed, role) };
  };
  const byType: Partial<Record<CosignerType, string[]>> = {};
  for (const { cosigner } of data) if (cosigner.type) (byType[cosigner.type] ??= []).push(cosigner.id);
  return {
    cosignerCount: data.length,
    cosignerIds: data.map((d) => d.cosigner.id),
    bigCosignerId: data.find((d) => d.keys.length === 250)?.cosigner.id ?? '',
    archivedCosignerId: data.find((d) => d.cosigner.archived)?.cosigner.id ?? '',
    byType,
    keyCounts: Object.fromEntries(data.map((d) => [d.cosigner.id, d.keys.length])),
    keyWithPublicKey: find((k) => Boolean(k.callbackHandler?.publicKey?.includes('BEGIN PUBLIC KEY'))),
    keyWithCert: find((k) => Boolean(k.callbackHandler?.certPublicKeyHash)),
    keyWithNoHandler: find((k) => !k.callbackHandler),
    keyMisrouted: findingKey('misrouted'),
    keySharedUrl: findingKey('sharedUrl'),
    keyNotSeen: findingKey('notSeen'),
    keyOnPage3: keyOnPage3(data),
    keyWithoutApiUser: find((k) => !named.has(k.id)),
  };
}
