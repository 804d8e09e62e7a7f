import type { ApiUserResponse, ApiUsersStatus } from '@/lib/cosigners/console-api-schemas';

/** The workspace as one walk read it (lib/search/walk-workspace.ts). No server-only: shapes only. */

export interface IndexedCosigner {
  id: string;
  name?: string;
  type?: string;
  archived: boolean;
}

/** One API key with its handler as the list call reads it; a public key by its SPKI SHA-256, never its PEM. */
export interface IndexedKey {
  cosignerId: string;
  cosignerName?: string;
  cosignerArchived: boolean;
  apiKeyId: string;
  lastSeen?: string;
  url?: string;
  /** Lowercase hex; null when the key holds text that is not a readable SPKI PEM; absent without a public key. */
  publicKeyFingerprint?: string | null;
  /** Fireblocks' hash of the pinned certificate's public key (lowercase hex as Fireblocks sends it). */
  certPublicKeyHash?: string;
  /** The key's API user by name; null when none has the key's id or names could not be read (`KeyIndex.apiUsers`). */
  apiUser: ApiUserResponse | null;
}

export interface KeyIndex {
  /** Newest first, as the cosigner list shows them by default (DESC). */
  cosigners: IndexedCosigner[];
  keys: IndexedKey[];
  /** Whether the walk could read API user names, and why not. */
  apiUsers: ApiUsersStatus;
  /** When the walk started (ISO): results are at least this fresh. */
  asOf: string;
}
