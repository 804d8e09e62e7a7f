import { editGateOf } from '../lib/cosigners/edit-gate';
import { derivedHex, derivedInt, derivedUuid } from './seed-data/derive';
import { seedHandler } from './seed-data/handlers';
import { COSIGNER_PLAN, SEED_EPOCH_MS } from './seed-data/plan';
import type { Store } from './store';
import type { SimApiKey, SimCosigner, CosignerType } from './types';

export const DEFAULT_SEED = 1;

export interface SeededCosigner {
  cosigner: SimCosigner;
  keys: SimApiKey[];
}

function seedKey(seed: number, cosignerIndex: number, index: number): SimApiKey {
  const plan = COSIGNER_PLAN[cosignerIndex];
  if (!plan) throw new Error(`no cosigner plan ${cosignerIndex}`);
  const label = `key:${cosignerIndex}:${index}`;
  const key: SimApiKey = { id: derivedUuid(seed, label) };
  // About one key in ten has never been seen (a freshly paired API user): lastSeen is optional upstream.
  if (derivedInt(seed, `${label}:seen`, 10) !== 0) {
    const minutesAgo = derivedInt(seed, `${label}:ago`, 30 * 24 * 60);
    key.lastSeen = new Date(SEED_EPOCH_MS - minutesAgo * 60_000).toISOString();
  }
  const handler = seedHandler(seed, label, plan.team, index, plan.type === 'AWS-NITRO');
  if (handler) key.callbackHandler = handler;
  return key;
}

/** The seeded workspace, oldest cosigner first; pure and deterministic in `seed`. */
export function buildSeed(seed: number): SeededCosigner[] {
  return COSIGNER_PLAN.map((plan, i) => ({
    cosigner: {
      archived: plan.archived ?? false,
      id: derivedUuid(seed, `cosigner:${i}`),
      name: plan.name,
      type: plan.type,
      version: { hash: derivedHex(seed, `version:${i}`, 10), name: plan.versionName },
    },
    keys: Array.from({ length: plan.keyCount }, (_, k) => seedKey(seed, i, k)),
  }));
}

export function loadSeed(store: Store, seed: number): void {
  store.clear();
  for (const { cosigner, keys } of buildSeed(seed)) {
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
  };
}
