import { editGateOf } from '../lib/cosigners/edit-gate';
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
import { COSIGNER_PLAN, SEED_EPOCH_MS } from './seed-data/plan';
import type { Store } from './store';
import type { SimApiKey, SimCosigner, CosignerType } from './types';

export const DEFAULT_SEED = 1;

export interface SeededCosigner {
  cosigner: SimCosigner;
  keys: SimApiKey[];
}

function seedKey(seed: number, epochMs: number, cosignerIndex: number, index: number): SimApiKey {
  const plan = COSIGNER_PLAN[cosignerIndex];
  if (!plan) throw new Error(`no cosigner plan ${cosignerIndex}`);
  const label = `key:${cosignerIndex}:${index}`;
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
 * 30 days" means the same on any day).
 */
export function buildSeed(seed: number, epochMs: number = SEED_EPOCH_MS): SeededCosigner[] {
  const data = COSIGNER_PLAN.map((plan, i) => ({
    cosigner: {
      archived: plan.archived ?? false,
      id: derivedUuid(seed, `cosigner:${i}`),
      name: plan.name,
      type: plan.type,
      version: { hash: derivedHex(seed, `version:${i}`, 10), name: plan.versionName },
    },
    keys: Array.from({ length: plan.keyCount }, (_, k) => seedKey(seed, epochMs, i, k)),
  }));
  // The findings page's keys, after the generated ones; the shared URL is that of another cosigner's first key.
  const sharedUrlOf = data.find((d) => !d.cosigner.archived && d.keys.length < 250)?.keys[0]?.callbackHandler?.url;
  const target = data.find((d) => d.cosigner.name === FINDING_KEYS_COSIGNER);
  if (target && sharedUrlOf) target.keys.push(...Object.values(findingKeys(seed, epochMs, sharedUrlOf)));
  const searchKey = searchKeyOf(data.find((d) => d.keys.length === 250)?.keys ?? []);
  if (searchKey?.callbackHandler) searchKey.callbackHandler.url = SEARCH_KEY_URL;
  return data;
}

export function loadSeed(store: Store, seed: number, epochMs: number = SEED_EPOCH_MS): void {
  store.clear();
  for (const { cosigner, keys } of buildSeed(seed, epochMs)) {
    store.addCosigner(cosigner);
    for (const key of keys) store.putKey(cosigner.id, key);
  }
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
  };
}
