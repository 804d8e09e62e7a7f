import 'server-only';

import { notFound } from 'next/navigation';

import { apiKeyIdSchema, cosignerIdSchema } from '@/lib/fireblocks/upstream-schemas';

import { fetchApiKey, fetchCosigner, UpstreamNotFound } from './server-fetch';

/** Awaits first-paint reads; if Fireblocks said one of them does not exist, the page answers 404 instead. */
export async function notFoundOr<T extends unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  try {
    return await Promise.all(reads);
  } catch (error) {
    if (error instanceof UpstreamNotFound) notFound();
    throw error;
  }
}

/**
 * A key page's first read: the ids are checked and the key and its cosigner read, so that an unknown one is a real
 * HTTP 404 (once a loading skeleton has streamed, the status has gone out as 200). Called from the layouts above the
 * skeletons; the pages read the same key and cosigner again from React's per-request cache.
 */
export async function requireKnownKey(raw: { cosignerId: string; apiKeyId: string }): Promise<void> {
  const cosignerId = cosignerIdSchema.safeParse(raw.cosignerId);
  const apiKeyId = apiKeyIdSchema.safeParse(raw.apiKeyId);
  if (!cosignerId.success || !apiKeyId.success) notFound();
  await notFoundOr([fetchApiKey(cosignerId.data, apiKeyId.data), fetchCosigner(cosignerId.data)]);
}
