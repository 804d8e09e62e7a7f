import 'server-only';

import { cache } from 'react';

import { namedApiKey, summarizeApiKeysPage } from '@/lib/cosigners/api-key-summary';
import { getApiUserNames } from '@/lib/cosigners/api-user-names';
import {
  apiKeyResponseSchema,
  cosignerResponseSchema,
  listApiKeysResponseSchema,
  listCosignersResponseSchema,
} from '@/lib/cosigners/console-api-schemas';
import { getSession } from '@/lib/auth/page-guard';
import { getReadCache, isFireblocksError } from '@/lib/fireblocks';

import type { ServerRead } from './initial-page';
import { prefetchSignal } from './prefetch-budget';
import type { PageParams } from './query-keys';
import type { ApiKeyResponse, CosignerResponse, ListApiKeysResponse, ListCosignersResponse } from './types';

/**
 * First-paint data for the pages, read on the server with the Fireblocks client and parsed with the same response
 * schemas as the /api routes, so the browser's React Query cache starts with exactly what /api would answer
 * (handed over as `initialData`, with the time Fireblocks gave it as `initialDataUpdatedAt`: through the read cache
 * that may be a few seconds before this render, and React Query must know the data's real age). Any failure or a slow
 * upstream gives null data: the browser then fetches through /api and shows the error properly, with its request ids.
 */
async function orNull<T>(read: () => Promise<ServerRead<T>>): Promise<ServerRead<T>> {
  try {
    return await read();
  } catch {
    return { data: null, readAt: Date.now() };
  }
}

/** Thrown to the page when Fireblocks says the resource does not exist, so it can answer with notFound(). */
export class UpstreamNotFound extends Error {
  override name = 'UpstreamNotFound';
}

/** Like orNull, but a 404 from Fireblocks becomes UpstreamNotFound (the page renders its not-found UI). */
async function orNullUnless404<T>(read: () => Promise<ServerRead<T>>): Promise<ServerRead<T>> {
  try {
    return await read();
  } catch (error) {
    if (isFireblocksError(error) && error.kind === 'http' && error.status === 404) throw new UpstreamNotFound();
    return { data: null, readAt: Date.now() };
  }
}

const q = (p: PageParams) => ({ pageSize: p.pageSize, order: p.order, pageCursor: p.cursor });

/**
 * The page request's abort signal and reader: a first paint that reaches Fireblocks is taken from the signed-in
 * person's read budget like the same read through /api (the page's session, read once per render).
 */
async function readOptions() {
  return { signal: prefetchSignal(), reader: (await getSession())?.user.sub };
}

export const fetchCosignersPage = (page: PageParams): Promise<ServerRead<ListCosignersResponse>> =>
  orNull(async () => {
    const { data, readAt } = await getReadCache().listCosigners(q(page), await readOptions());
    return { data: listCosignersResponseSchema.parse({ data: data.data, next: data.next }), readAt };
  });

/** Once per request (React cache): the page's title and its body both read the cosigner. */
export const fetchCosigner = cache((cosignerId: string): Promise<ServerRead<CosignerResponse>> =>
  orNullUnless404(async () => {
    const { data, readAt } = await getReadCache().getCosigner(cosignerId, await readOptions());
    return { data: cosignerResponseSchema.parse(data), readAt };
  }),
);

export const fetchApiKeysPage = (cosignerId: string, page: PageParams): Promise<ServerRead<ListApiKeysResponse>> =>
  orNull(async () => {
    const [{ data, readAt }, names] = await Promise.all([
      getReadCache().listApiKeys(cosignerId, q(page), await readOptions()),
      getApiUserNames(),
    ]);
    return { data: listApiKeysResponseSchema.parse(summarizeApiKeysPage(data, names)), readAt };
  });

/** Once per request (React cache): the key's layout checks that it exists, then its page shows it. */
export const fetchApiKey = cache((cosignerId: string, apiKeyId: string): Promise<ServerRead<ApiKeyResponse>> =>
  orNullUnless404(async () => {
    const [{ data, readAt }, names] = await Promise.all([
      getReadCache().getApiKey(cosignerId, apiKeyId, await readOptions()),
      getApiUserNames(),
    ]);
    return { data: apiKeyResponseSchema.parse(namedApiKey(data, names).data), readAt };
  }),
);
