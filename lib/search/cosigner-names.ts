import 'server-only';

import { logger } from '@/lib/log/logger';

import { getKeyIndex } from './get-key-index';

/**
 * The ids of the cosigners whose names hold `text`, case-insensitively, from the workspace's key index: the walk
 * search and findings share (at most one per KEY_INDEX_TTL_MS per replica, within the upstream budget), so a filter
 * typed a letter at a time costs Fireblocks no call of its own. A walk that fails throws its Fireblocks error.
 */
export async function cosignerIdsNamed(text: string): Promise<string[]> {
  const needle = text.trim().toLowerCase();
  const { cosigners } = await getKeyIndex();
  return cosigners.filter((c) => c.name?.toLowerCase().includes(needle)).map((c) => c.id);
}

/**
 * Cosigners' names by id from the same index, for text that names them; when the walk fails, every name is null
 * (the id stands in, as in the webhook's text) and the failure is logged, not thrown.
 */
export async function cosignerNameLookup(): Promise<(cosignerId: string) => string | null> {
  try {
    const names = new Map((await getKeyIndex()).cosigners.map((c) => [c.id, c.name ?? null]));
    return (id) => names.get(id) ?? null;
  } catch (error) {
    logger.warn({ err: error }, 'cosigner names unavailable: ids stand in');
    return () => null;
  }
}
