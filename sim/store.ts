import type { SimApiKey, SimApiUser, SimCosigner } from './types';

// In-memory state. `seq` is the creation order: list order (ASC oldest first, DESC newest first) and the
// position a page cursor points at, which stays valid when items are added or removed between pages.

export interface CosignerRecord {
  seq: number;
  cosigner: SimCosigner;
}

export interface KeyRecord {
  seq: number;
  key: SimApiKey;
}

export interface PendingCosigner {
  apiKeyId: string;
  name: string;
  pendingCosignerId: string;
  existingCosigner: boolean;
}

export class Store {
  readonly cosigners = new Map<string, CosignerRecord>();
  private readonly keys = new Map<string, Map<string, KeyRecord>>();
  readonly pendingCosigners = new Map<string, PendingCosigner>();
  /** The workspace's API users by id (`GET /v1/management/api_users`); a key's id is its API user's id. */
  readonly apiUsers = new Map<string, SimApiUser>();
  private seq = 0;

  addCosigner(cosigner: SimCosigner): CosignerRecord {
    const record = { seq: ++this.seq, cosigner };
    this.cosigners.set(cosigner.id, record);
    this.keys.set(cosigner.id, new Map());
    return record;
  }

  keysOf(cosignerId: string): Map<string, KeyRecord> | undefined {
    return this.keys.get(cosignerId);
  }

  getKey(cosignerId: string, apiKeyId: string): KeyRecord | undefined {
    return this.keys.get(cosignerId)?.get(apiKeyId);
  }

  putKey(cosignerId: string, key: SimApiKey): void {
    const map = this.keys.get(cosignerId);
    if (!map) return;
    const existing = map.get(key.id);
    map.set(key.id, { seq: existing?.seq ?? ++this.seq, key });
  }

  removeKey(cosignerId: string, apiKeyId: string): void {
    this.keys.get(cosignerId)?.delete(apiKeyId);
  }

  clear(): void {
    this.cosigners.clear();
    this.keys.clear();
    this.pendingCosigners.clear();
    this.apiUsers.clear();
    this.seq = 0;
  }
}
