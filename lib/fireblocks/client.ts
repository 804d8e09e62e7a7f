import 'server-only';

import type { KeyObject } from 'node:crypto';

import type { ZodType } from 'zod';

import { FireblocksError } from './fireblocks-error';
import { httpSend } from './http-send';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import {
  apiKeySchema,
  apiKeysPageSchema,
  apiUsersResponseSchema,
  auditLogsPageSchema,
  auditLogsQuerySchema,
  cosignerSchema,
  cosignersPageSchema,
  listPageQuerySchema,
  requestStatusResponseSchema,
  updateCallbackHandlerResponseSchema,
  type FireblocksApiKey,
  type ApiKeysPage,
  type ApiUsersResponse,
  type AuditLogsPage,
  type AuditLogsQueryInput,
  type FireblocksCosigner,
  type CosignersPage,
  type ListPageQueryInput,
  type RequestStatusResponse,
  type UpdateCallbackHandlerResponse,
} from './upstream-schemas';
import { loadSecretKey } from './secret-key';
import { createRequestSigner } from './sign';
import { call, type Transport, type UpstreamObservation } from './transport';
import { createUpstreamGate, type UpstreamGate, type UpstreamLane } from './upstream-gate';

export interface FireblocksClientOptions {
  /** API base including `/v1`, e.g. `https://api.fireblocks.io/v1`. */
  baseUrl: string;
  /** The API user's key: sent as `X-API-Key` and signed as `sub`. */
  apiKey: string;
  /** The API user's RSA private key; a PEM string is parsed and validated here, once. */
  privateKey: KeyObject | string;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Shared by every call of this client; a new one per client by default. */
  gate?: UpstreamGate;
  /** Called once per HTTP exchange with its route template, status and duration (metrics). */
  observe?: (o: UpstreamObservation) => void;
  /**
   * The gate's lane of this client's reads: `read` (default) for what people look at; `write` for the client that
   * changes use, whose reads (the `before`, the drift guard, following a change) must not wait behind people's
   * reads. The PATCH is always in the `write` lane.
   */
  readLane?: UpstreamLane;
}

export interface CallOptions {
  /** Abort when the caller no longer needs the answer (e.g. the browser went away). */
  signal?: AbortSignal;
}

interface UpdateOptions extends CallOptions {
  /** Signed at once, sent only once this resolves, never if it rejects (see CallSpec.sendAfter). */
  sendAfter?: Promise<unknown>;
  /** Awaited right before the PATCH leaves; nothing is sent if it rejects (see CallSpec.beforeSend). */
  beforeSend?: () => Promise<unknown>;
}

export interface FireblocksResult<T> {
  data: T;
  /** Fireblocks' `X-Request-ID`. */
  fireblocksRequestId?: string;
}

interface FireblocksUpdateBody {
  callbackHandler: { url: string; publicKey?: string; cert?: string };
}

interface UpdateCallbackHandlerResult extends FireblocksResult<UpdateCallbackHandlerResponse> {
  /** The asynchronous request's id: the last segment of `Location`; poll it with getRequestStatus. */
  requestId: string;
}

export interface FireblocksClient {
  listCosigners(q?: ListPageQueryInput, o?: CallOptions): Promise<FireblocksResult<CosignersPage>>;
  getCosigner(cosignerId: string, o?: CallOptions): Promise<FireblocksResult<FireblocksCosigner>>;
  listApiKeys(cosignerId: string, q?: ListPageQueryInput, o?: CallOptions): Promise<FireblocksResult<ApiKeysPage>>;
  getApiKey(cosignerId: string, apiKeyId: string, o?: CallOptions): Promise<FireblocksResult<FireblocksApiKey>>;
  /** PATCH; never retried automatically. */
  updateCallbackHandler(
    cosignerId: string,
    apiKeyId: string,
    body: FireblocksUpdateBody,
    o?: UpdateOptions,
  ): Promise<UpdateCallbackHandlerResult>;
  getRequestStatus(
    cosignerId: string,
    apiKeyId: string,
    requestId: string,
    o?: CallOptions,
  ): Promise<FireblocksResult<RequestStatusResponse>>;
  /** Every API user of the workspace (Admin and Non-Signing Admin API users may read it; others get a 403). */
  listApiUsers(o?: CallOptions): Promise<FireblocksResult<ApiUsersResponse>>;
  /** One page of the workspace's audit log, newest first (Admin and Non-Signing Admin, as above). */
  getAuditLogs(q?: AuditLogsQueryInput, o?: CallOptions): Promise<FireblocksResult<AuditLogsPage>>;
}

/** One path segment, percent-encoded so an id can never add a segment or a query (as the official SDK does). */
function seg(name: string, value: string): string {
  if (value === '') throw new TypeError(`${name} is required`);
  return encodeURIComponent(value);
}

const keyPath = (c: string, k: string) => `/cosigners/${seg('cosignerId', c)}/api_keys/${seg('apiKeyId', k)}`;

/** The paths' templates (metrics labels: bounded, no ids). */
const ROUTES = {
  cosigners: '/cosigners',
  cosigner: '/cosigners/{cosignerId}',
  apiKeys: '/cosigners/{cosignerId}/api_keys',
  apiKey: '/cosigners/{cosignerId}/api_keys/{apiKeyId}',
  request: '/cosigners/{cosignerId}/api_keys/{apiKeyId}/{requestId}',
  apiUsers: '/management/api_users',
  auditLogs: '/management/audit_logs',
} as const;

/** The typed client for the six Cosigners (Beta) calls the console makes, and the API users and audit log reads. */
export function createFireblocksClient(opts: FireblocksClientOptions): FireblocksClient {
  const t: Transport = {
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    apiKey: opts.apiKey,
    sign: createRequestSigner(opts.apiKey, loadSecretKey(opts.privateKey)),
    timeoutMs: opts.timeoutMs ?? 10_000,
    retry: { ...DEFAULT_RETRY, ...opts.retry },
    send: httpSend,
    gate: opts.gate ?? createUpstreamGate(),
    observe: opts.observe,
  };
  // Query input is parsed here too (defaults applied; a bad value throws a ZodError the route maps to 400).
  const get = async <T>(
    route: string,
    path: string,
    schema: ZodType<T>,
    o?: CallOptions,
    query?: Record<string, string | number | undefined>,
  ) => {
    const r = await call(t, {
      method: 'GET',
      lane: opts.readLane ?? 'read',
      path,
      route,
      schema,
      signal: o?.signal,
      query,
    });
    return { data: r.data, fireblocksRequestId: r.fireblocksRequestId };
  };
  const pageQuery = (q: ListPageQueryInput) => listPageQuerySchema.parse(q);
  return {
    listCosigners: (q = {}, o) => get(ROUTES.cosigners, '/cosigners', cosignersPageSchema, o, pageQuery(q)),
    getCosigner: (c, o) => get(ROUTES.cosigner, `/cosigners/${seg('cosignerId', c)}`, cosignerSchema, o),
    listApiKeys: (c, q = {}, o) =>
      get(ROUTES.apiKeys, `/cosigners/${seg('cosignerId', c)}/api_keys`, apiKeysPageSchema, o, pageQuery(q)),
    getApiKey: (c, k, o) => get(ROUTES.apiKey, keyPath(c, k), apiKeySchema, o),
    getRequestStatus: (c, k, r, o) =>
      get(ROUTES.request, `${keyPath(c, k)}/${seg('requestId', r)}`, requestStatusResponseSchema, o),
    listApiUsers: (o) => get(ROUTES.apiUsers, ROUTES.apiUsers, apiUsersResponseSchema, o),
    getAuditLogs: (q = {}, o) =>
      get(ROUTES.auditLogs, ROUTES.auditLogs, auditLogsPageSchema, o, auditLogsQuerySchema.parse(q)),
    async updateCallbackHandler(c, k, body, o) {
      const r = await call(t, {
        method: 'PATCH',
        lane: 'write',
        path: keyPath(c, k),
        route: ROUTES.apiKey,
        body,
        schema: updateCallbackHandlerResponseSchema,
        signal: o?.signal,
        sendAfter: o?.sendAfter,
        beforeSend: o?.beforeSend,
      });
      return {
        data: r.data,
        fireblocksRequestId: r.fireblocksRequestId,
        requestId: requestIdFromLocation(r.headers, r.status, t.baseUrl),
      };
    },
  };
}

/** `Location: /v1/cosigners/{c}/api_keys/{k}/{requestId}` -> requestId. */
function requestIdFromLocation(headers: Headers, status: number, baseUrl: string): string {
  const location = headers.get('location');
  const last = location ? new URL(location, baseUrl).pathname.split('/').filter(Boolean).at(-1) : undefined;
  if (!last) {
    throw new FireblocksError({
      kind: 'invalid_response',
      message: 'Fireblocks accepted the change but did not say where to follow it (no Location header)',
      status,
      fireblocksRequestId: headers.get('x-request-id') ?? undefined,
    });
  }
  return decodeURIComponent(last);
}
