import 'server-only';

import { LRUCache } from 'lru-cache';

import { getFireblocks, isFireblocksError, type FireblocksClient } from '@/lib/fireblocks';
import type { ApiUsersResponse } from '@/lib/fireblocks/upstream-schemas';
import { processWide } from '@/lib/runtime/process-wide';

import type { ApiUserResponse, ApiUsersStatus } from './console-api-schemas';

/**
 * API users by id, as one read of `GET /management/api_users` gave them, and whether that read worked. A key's id is
 * its API user's id, so this names every key of the workspace at once: one upstream call per walk or page, never one
 * per key. A failed read costs the names only: `byId` is empty and `status` says why.
 */
export interface ApiUserNames {
  status: ApiUsersStatus;
  byId: ReadonlyMap<string, ApiUserResponse>;
}

export function apiUserNamesFrom(response: ApiUsersResponse): ApiUserNames {
  const byId = new Map<string, ApiUserResponse>();
  for (const u of response.users) {
    // An entry without an id names no key; one without a name cannot name it.
    if (!u.id || !u.name?.trim()) continue;
    byId.set(u.id, { name: u.name, role: u.role ?? null, status: u.status ?? null, enabled: u.enabled ?? null });
  }
  return { status: { available: true }, byId };
}

/** What a failed read means for the pages: names missing, and the reason in words fit for them. */
export function apiUserNamesUnavailable(error: unknown): ApiUserNames {
  const fireblocksRequestId = isFireblocksError(error) ? error.fireblocksRequestId : undefined;
  const none = new Map<string, ApiUserResponse>();
  if (isFireblocksError(error) && error.kind === 'http' && error.status === 403) {
    return {
      byId: none,
      status: {
        available: false,
        reason: 'forbidden',
        message:
          "API user names are not shown: Fireblocks refused to list API users (HTTP 403). The console's API user " +
          'needs the Admin or Non-Signing Admin role to read them; keys show their ids only.',
        fireblocksRequestId,
      },
    };
  }
  if (isTimeout(error)) {
    return {
      byId: none,
      status: {
        available: false,
        reason: 'timeout',
        message: 'API user names are not shown: Fireblocks did not list API users in time; keys show their ids only.',
        fireblocksRequestId,
      },
    };
  }
  const detail = isFireblocksError(error) && error.status ? ` (HTTP ${error.status})` : '';
  return {
    byId: none,
    status: {
      available: false,
      reason: 'upstream_error',
      message: `API user names are not shown: Fireblocks could not list API users${detail}; keys show their ids only.`,
      fireblocksRequestId,
    },
  };
}

class NamesTimeout extends Error {
  override name = 'NamesTimeout';
}
const isTimeout = (e: unknown) => e instanceof NamesTimeout || (isFireblocksError(e) && e.kind === 'timeout');

/** Reads the names once through `fireblocks` (its signing, retries and upstream budget); never throws. */
export async function readApiUserNames(fireblocks: FireblocksClient, signal?: AbortSignal): Promise<ApiUserNames> {
  try {
    return apiUserNamesFrom((await fireblocks.listApiUsers({ signal })).data);
  } catch (error) {
    return apiUserNamesUnavailable(error);
  }
}

export function apiUserOf(names: ApiUserNames, apiKeyId: string): ApiUserResponse | null {
  return names.byId.get(apiKeyId) ?? null;
}

interface ApiUserNamesCacheOptions {
  /** How long a read serves every page: names change rarely, and a refusal (403) will not change by itself soon. */
  ttlMs: number;
  /** A failure other than a refusal is read again sooner: Fireblocks may be back in a moment. */
  retryMs: number;
  /** A page waits at most this long for names; past it, it answers without them (the read goes on for the next). */
  maxWaitMs: number;
}

const API_USER_NAMES_CACHE: ApiUserNamesCacheOptions = { ttlMs: 60_000, retryMs: 10_000, maxWaitMs: 3_000 };

/**
 * Names for every page of a process: one read serves all callers for `ttlMs` (lru-cache coalesces concurrent
 * callers onto the read in flight, which no caller's signal can cancel), and a caller waits for it at most
 * `maxWaitMs`.
 */
export function createApiUserNamesCache(
  read: () => Promise<ApiUserNames>,
  o: ApiUserNamesCacheOptions = API_USER_NAMES_CACHE,
): () => Promise<ApiUserNames> {
  const cache = new LRUCache<string, ApiUserNames>({
    max: 1,
    ttl: o.ttlMs,
    fetchMethod: async (_key, _stale, { options }) => {
      const names = await read();
      if (!names.status.available && names.status.reason !== 'forbidden') options.ttl = o.retryMs;
      return names;
    },
  });
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NamesTimeout()), o.maxWaitMs);
      timer.unref();
    });
    try {
      const names = await Promise.race([cache.fetch('names'), late]);
      return names ?? apiUserNamesUnavailable(new Error('the API user read was abandoned'));
    } catch (error) {
      return apiUserNamesUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The API user names for the pages and routes of this process, read through the process's one Fireblocks client. */
export function getApiUserNames(): Promise<ApiUserNames> {
  return processWide('api-user-names', () => createApiUserNamesCache(() => readApiUserNames(getFireblocks())))();
}
