import { createHash, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { AuditLog } from './audit-log';
import { loadApiUsers, registeredApiUsers } from './auth/api-users';
import { NonceCache } from './auth/nonce-cache';
import { verifyRequest } from './auth/verify-jwt';
import { Faults } from './faults';
import type { SimState } from './handlers/context';
import { SIM } from './http/error-codes';
import { fail, type SimResponse } from './http/response';
import { MAX_BODY_BYTES } from './http/read-body';
import { Lifecycle } from './lifecycle';
import { RateLimits } from './rate-limit';
import { RequestLog } from './request-log';
import { route } from './router';
import { derivedUuid } from './seed-data/derive';
import { DEFAULT_SEED, loadSeed } from './seed';
import { Store } from './store';
import type { Delays, ForbiddenSwitches, SimApiUser, SimulatorOptions, WorkspaceSize } from './types';

const DEFAULT_DELAYS: Delays = { approveMs: 2_000, completeMs: 3_000 };
const DEFAULT_AUDIT_LOG_PAGE_SIZE = 50;

export interface IncomingCall {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Null when over MAX_BODY_BYTES. */
  body: Buffer | null;
  nowMs: number;
}

/** The simulator's state and its /v1 request processing, independent of the socket. */
export class SimCore {
  readonly faults = new Faults();
  readonly rateLimits = new RateLimits();
  readonly log = new RequestLog();
  readonly state: SimState;
  private readonly users: Map<string, KeyObject>;
  /** The callers' own entries in the API user list (they sign the requests; the seed does not know them). */
  private readonly callers: SimApiUser[];
  private readonly nonces = new NonceCache();
  seed: number;
  workspace: WorkspaceSize;

  constructor(opts: SimulatorOptions) {
    this.users = loadApiUsers(opts.apiUsers);
    this.callers = registeredApiUsers(opts.apiUsers);
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.workspace = opts.workspace ?? 'demo';
    this.state = {
      store: new Store(),
      lifecycle: new Lifecycle(opts.delays ?? DEFAULT_DELAYS),
      auditLog: new AuditLog(''),
      forbidden: {},
      auditLogPageSize: opts.auditLogPageSize ?? DEFAULT_AUDIT_LOG_PAGE_SIZE,
      cursorSecret: Buffer.alloc(0),
    };
    if (opts.faults) this.faults.set(opts.faults);
    if (opts.rateLimit) this.rateLimits.set(opts.rateLimit);
    if (opts.forbidden) this.setForbidden(opts.forbidden);
    this.reset(this.seed, this.workspace);
  }

  /**
   * Reloads the seed data (cosigners, keys, API users, a week of audit log) and forgets async requests; nonces are
   * kept (a reset must not allow replays), and so are the log, faults, rate limits and 403 switches.
   */
  reset(seed: number, workspace: WorkspaceSize = this.workspace): void {
    this.seed = seed;
    this.workspace = workspace;
    this.state.cursorSecret = createHash('sha256').update(`fireblocks-sim-cursor:${seed}`).digest();
    this.state.lifecycle.clear();
    const { store, auditLog } = this.state;
    // lastSeen and the audit history count back from now, so "not seen for 30 days" and "the last day" pick the
    // same keys and entries on any day.
    const { apiUsers, auditHistory } = loadSeed(store, seed, Date.now(), workspace);
    for (const user of [...apiUsers, ...this.callers]) store.apiUsers.set(user.id, user);
    auditLog.clear(derivedUuid(seed, 'tenant'));
    for (const event of auditHistory) auditLog.add(event);
  }

  setForbidden(f: ForbiddenSwitches): void {
    this.state.forbidden = { apiUsers: f.apiUsers ?? false, auditLogs: f.auditLogs ?? false };
  }

  process(call: IncomingCall): SimResponse {
    if (call.body === null) return fail(413, SIM.bodyTooLarge, `Request body exceeds ${MAX_BODY_BYTES} bytes`);
    const q = call.url.indexOf('?');
    const pathname = q < 0 ? call.url : call.url.slice(0, q);
    if (!pathname.startsWith('/v1/')) return fail(404, SIM.routeNotFound, 'Not found');
    const auth = verifyRequest(
      { url: call.url, headers: call.headers, body: call.body, nowMs: call.nowMs },
      this.users,
      this.nonces,
    );
    if (!auth.ok) return fail(401, auth.code, auth.message);
    const wait = this.rateLimits.take(auth.apiKey, call.method, call.nowMs);
    if (wait !== null) return fail(429, SIM.rateLimited, 'Too many requests', { 'Retry-After': String(wait) });
    this.state.lifecycle.settle(call.nowMs);
    const query = new URLSearchParams(q < 0 ? '' : call.url.slice(q + 1));
    return route(
      this.state,
      {
        method: call.method,
        url: call.url,
        query,
        headers: call.headers,
        body: call.body,
        nowMs: call.nowMs,
        apiKey: auth.apiKey,
        params: {},
      },
      pathname,
    );
  }
}
