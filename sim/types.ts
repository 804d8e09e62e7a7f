import type { RateLimit } from './rate-limit';

// The simulator's public types and its internal records. Wire shapes follow the OpenAPI subset
// (sim/openapi/fireblocks-cosigners.openapi.json).

export type CosignerType = 'SANDBOX' | 'SGX' | 'GCP-CONFSPACE' | 'AWS-NITRO' | 'PLAIN';

/** Wire shape of `Cosigner`. */
export interface SimCosigner {
  archived: boolean;
  id: string;
  name?: string;
  type?: CosignerType;
  version?: { hash: string; name?: string };
}

/** Wire shape of `CallbackHandler` (the read model: a certificate shows only as its public key hash). */
export interface CallbackHandler {
  url: string;
  publicKey?: string;
  certPublicKeyHash?: string;
}

/** Wire shape of `ApiKey`. */
export interface SimApiKey {
  id: string;
  lastSeen?: string;
  callbackHandler?: CallbackHandler;
}

/** Wire shape of `CallbackHandlerRequest` (the write model, echoed in 202 bodies). */
export interface CallbackHandlerRequest {
  url: string;
  publicKey?: string;
  cert?: string;
}

export type RequestType = 'PAIR_API_KEY' | 'UPDATE_CALLBACK_HANDLER' | 'UNPAIR_API_KEY';
export type RequestStatus = 'WAITING_FOR_APPROVAL' | 'APPROVED' | 'CANCELLED' | 'REJECTED' | 'COMPLETED';

export interface Delays {
  /** Time from creation to APPROVED. */
  approveMs: number;
  /** Time from APPROVED to COMPLETED. */
  completeMs: number;
}

export interface ApiUser {
  apiKey: string;
  /** RSA public key (SPKI PEM) or a certificate holding one; any modulus size is accepted. */
  publicKeyPem: string;
  /** Its name in `GET /v1/management/api_users` and in the audit log; default `API user <first 8 of the key>`. */
  name?: string;
  /** Its role there; default NON_SIGNING_ADMIN (what the console's own API user needs). */
  role?: ApiUserRole;
}

/** API user roles as Fireblocks names them (`UserRole` of the official SDK). */
export const API_USER_ROLES = [
  'OWNER',
  'ADMIN',
  'SIGNER',
  'COLLATERALS_SIGNER',
  'EDITOR',
  'APPROVER',
  'VIEWER',
  'NON_SIGNING_ADMIN',
  'AUDITOR',
  'NCW_ADMIN',
  'NCW_SIGNER',
] as const;
export type ApiUserRole = (typeof API_USER_ROLES)[number];
export type ApiUserStatus = 'PENDING_ACTIVATION' | 'PENDING_DEVICE_PAIRING' | 'PENDING_DEVICE_SETUP' | 'READY';

/** Wire shape of one entry of `GET /v1/management/api_users` (`APIUser`). */
export interface SimApiUser {
  id: string;
  name: string;
  role: ApiUserRole;
  enabled: boolean;
  status: ApiUserStatus;
  userType: 'API';
}

/** Wire shape of one entry of `GET /v1/management/audit_logs` (`AuditLogData`); times in epoch milliseconds. */
export interface SimAuditLogEntry {
  id: string;
  timestamp: number;
  createdAt: number;
  user: string;
  userId: string;
  subject: string;
  event: string;
  tenantId: string;
}

/** Which seeded workspace: the demo (8 cosigners, 329 keys) or the bench's (20 cosigners of 500 keys). */
export type WorkspaceSize = 'demo' | 'large';

/** The management endpoints that answer 403, as for an API user without the Admin or Non-Signing Admin role. */
export interface ForbiddenSwitches {
  apiUsers?: boolean;
  auditLogs?: boolean;
}

/** What a fault applies to; both parts optional (absent = everything under /v1). */
interface FaultMatch {
  method?: string;
  /** Compared with the start of the request path (without query), e.g. `/v1/cosigners`. */
  pathPrefix?: string;
}

export interface FaultConfig {
  /** Delay before the request is handled. */
  latencyMs?: number;
  /** Answer with this status instead of handling the request (500/502/503/429...). */
  status?: number;
  /** Retry-After seconds (sent with `status`; a 429 always carries one, default 1). */
  retryAfterSec?: number;
  /** Destroy the socket without answering, before the request is handled. */
  drop?: boolean;
  /** Handle the request (a PATCH is accepted), then destroy the socket without answering. */
  dropAfterHandling?: boolean;
  /** Answer with a truncated (unparseable) JSON body. */
  malformedJson?: boolean;
  /** How many matching requests the fault applies to; default all until cleared. */
  times?: number;
  match?: FaultMatch;
}

export interface SimLogEntry {
  /** ISO time the request arrived. */
  at: string;
  method: string;
  /** Path with query, exactly as received. */
  path: string;
  /** Status sent; 0 when the connection was dropped on purpose. */
  status: number;
  /** With `dropAfterHandling`: the status the request was handled with but never sent. */
  handledStatus?: number;
  /** X-API-Key header as received (not a secret: it is the API user's id). */
  apiKey?: string;
  /** Raw request body, exactly as received (absent when empty; cut after 64 KB). */
  body?: string;
  /** X-Request-ID the simulator answered with. */
  requestId: string;
  /** Fireblocks error code of an error answer. */
  code?: number;
}

export interface SimulatorOptions {
  /** 0 or absent = a random free port. */
  port?: number;
  host?: string;
  apiUsers: ApiUser[];
  seed?: number;
  /** Default `demo`. */
  workspace?: WorkspaceSize;
  delays?: Delays;
  /** Fault active from start-up (same as calling setFaults). */
  faults?: FaultConfig;
  /** Fireblocks-like rate limits from start-up (same as calling setRateLimit); none by default. */
  rateLimit?: RateLimit;
  /** 403 switches active from start-up (same as calling setForbidden). */
  forbidden?: ForbiddenSwitches;
  /** Entries per page of `GET /v1/management/audit_logs`; default 50. */
  auditLogPageSize?: number;
}

export interface Simulator {
  /** http://HOST:PORT */
  url: string;
  /** url + '/v1' */
  baseUrl: string;
  seed: number;
  workspace: WorkspaceSize;
  close(): Promise<void>;
  requestLog(): SimLogEntry[];
  clearLog(): void;
  setFaults(f: FaultConfig): void;
  clearFaults(): void;
  /** Per API user and category (reads, writes), `requests` per `windowMs`, then 429; null turns it off. */
  setRateLimit(limit: RateLimit | null): void;
  /** Replaces the 403 switches (an absent one is off). */
  setForbidden(f: ForbiddenSwitches): void;
}
