import 'server-only';

import type { Metadata } from 'next';

import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';

import { fetchCosigner, UpstreamNotFound } from './server-fetch';

/**
 * The tab titles that name what is open (the root layout appends " · Cosigner Console"). A title never fails a
 * page: when the cosigner cannot be read it falls back to a generic name, and the page shows the error itself.
 */

/** `…abc123`: the end of a key id, which is what tells keys of one cosigner apart in a tab strip. */
const shortKeyId = (apiKeyId: string) => `…${apiKeyId.slice(-6)}`;

/** `7dfd72`: the start of a change id, as the change lists show it. */
const shortChangeId = (changeId: string) => changeId.slice(0, 6);

export const cosignerTitle = (name: string | null) => `${name ?? 'Cosigner'} · Cosigners`;
export const keyTitle = (apiKeyId: string, cosignerName: string | null) =>
  `Key ${shortKeyId(apiKeyId)} · ${cosignerName ?? 'Cosigner'}`;
export const editKeyTitle = (apiKeyId: string, cosignerName: string | null) =>
  `Edit key ${shortKeyId(apiKeyId)} · ${cosignerName ?? 'Cosigner'}`;
export const changeTitle = (changeId: string) => `Change · ${shortChangeId(changeId)}`;

/** The cosigner's name for a title (the same read the page makes, once per request), or null. */
async function cosignerName(rawId: string): Promise<string | null> {
  const id = cosignerIdSchema.safeParse(rawId);
  if (!id.success) return null;
  try {
    const read = await fetchCosigner(id.data);
    return read.data ? read.data.name || 'Unnamed cosigner' : null;
  } catch (error) {
    if (error instanceof UpstreamNotFound) return null;
    throw error;
  }
}

export async function cosignerMetadata(params: Promise<{ cosignerId: string }>): Promise<Metadata> {
  return { title: cosignerTitle(await cosignerName((await params).cosignerId)) };
}

export async function apiKeyMetadata(
  params: Promise<{ cosignerId: string; apiKeyId: string }>,
  page: 'view' | 'edit',
): Promise<Metadata> {
  const raw = await params;
  const key = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!key.success) return { title: 'API key' };
  const name = await cosignerName(raw.cosignerId);
  return { title: page === 'edit' ? editKeyTitle(key.data, name) : keyTitle(key.data, name) };
}
