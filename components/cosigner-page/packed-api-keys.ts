import type { InitialPage } from '@/lib/queries/initial-page';
import type { ApiKeySummaryResponse, ListApiKeysResponse } from '@/lib/queries/types';

/**
 * One key of a list page as the server hands it to the keys table for hydration: a tuple, not the API's object.
 * The page already carries each row as HTML; this second copy (in the RSC payload, where every quote is escaped)
 * is what React needs to hydrate them, so it carries no property names (nor `$undefined` for absent ones).
 * `[id, lastSeen]` when the key has no handler, else `[id, lastSeen, url, publicKeyFingerprint, certPublicKeyHash]`
 * with null for an absent value and `false` for "no public key" (null there means an unreadable one).
 */
export type PackedApiKey =
  | [id: string, lastSeen: string | null]
  | [id: string, lastSeen: string | null, url: string, publicKey: string | null | false, certHash: string | null];

export interface PackedApiKeysPage {
  rows: PackedApiKey[];
  next: string | null;
}

export function packApiKey(k: ApiKeySummaryResponse): PackedApiKey {
  const h = k.callbackHandler;
  const lastSeen = k.lastSeen ?? null;
  if (!h) return [k.id, lastSeen];
  return [
    k.id,
    lastSeen,
    h.url,
    h.publicKeyFingerprint === undefined ? false : h.publicKeyFingerprint,
    h.certPublicKeyHash ?? null,
  ];
}

export function unpackApiKey(p: PackedApiKey): ApiKeySummaryResponse {
  const [id, lastSeen] = p;
  if (p.length === 2) return { id, lastSeen: lastSeen ?? undefined, callbackHandler: undefined };
  const [, , url, publicKey, certHash] = p;
  return {
    id,
    lastSeen: lastSeen ?? undefined,
    callbackHandler: {
      url,
      publicKeyFingerprint: publicKey === false ? undefined : publicKey,
      certPublicKeyHash: certHash ?? undefined,
    },
  };
}

/** The server's read of a keys page, packed for the table (null data stays null: the browser then reads it). */
export function packApiKeysRead(read: InitialPage<ListApiKeysResponse>): InitialPage<PackedApiKeysPage> {
  return { ...read, data: read.data && { rows: read.data.data.map(packApiKey), next: read.data.next } };
}

export function unpackApiKeysRead(read: InitialPage<PackedApiKeysPage>): InitialPage<ListApiKeysResponse> {
  return { ...read, data: read.data && { data: read.data.rows.map(unpackApiKey), next: read.data.next } };
}
