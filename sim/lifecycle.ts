import { randomUUID } from 'node:crypto';

import type { Delays, RequestStatus, RequestType } from './types';

export interface AsyncRequest {
  id: string;
  type: RequestType;
  cosignerId: string;
  apiKeyId: string;
  status: RequestStatus;
  approveAtMs: number;
  completeAtMs: number;
  /** The change the request makes, run once when it reaches COMPLETED. */
  apply: () => void;
}

export type ForceTarget = 'APPROVED' | 'COMPLETED' | 'REJECTED' | 'CANCELLED';

const TERMINAL: ReadonlySet<RequestStatus> = new Set(['COMPLETED', 'REJECTED', 'CANCELLED']);

/**
 * Async requests (PUT pair / PATCH callback / DELETE unpair): WAITING_FOR_APPROVAL -> APPROVED -> COMPLETED
 * after the configured delays, or REJECTED / CANCELLED when forced. State is derived from time when read
 * (`settle`), not by timers: nothing to clean up on close, and every reader sees one consistent order.
 */
export class Lifecycle {
  private readonly requests = new Map<string, AsyncRequest>();

  constructor(private delays: Delays) {}

  setDelays(delays: Delays): void {
    this.delays = delays;
  }

  getDelays(): Delays {
    return this.delays;
  }

  create(type: RequestType, cosignerId: string, apiKeyId: string, apply: () => void, nowMs: number): AsyncRequest {
    const approveAtMs = nowMs + this.delays.approveMs;
    const req: AsyncRequest = {
      id: randomUUID(),
      type,
      cosignerId,
      apiKeyId,
      status: 'WAITING_FOR_APPROVAL',
      approveAtMs,
      completeAtMs: approveAtMs + this.delays.completeMs,
      apply,
    };
    this.requests.set(req.id, req);
    return req;
  }

  /** Moves every due request forward; completions run in completion-time order. */
  settle(nowMs: number): void {
    const open = [...this.requests.values()].filter((r) => !TERMINAL.has(r.status));
    open.sort((a, b) => a.completeAtMs - b.completeAtMs);
    for (const r of open) {
      if (nowMs >= r.completeAtMs) {
        r.status = 'COMPLETED';
        r.apply();
      } else if (nowMs >= r.approveAtMs) r.status = 'APPROVED';
    }
  }

  get(id: string): AsyncRequest | undefined {
    return this.requests.get(id);
  }

  list(): AsyncRequest[] {
    return [...this.requests.values()];
  }

  /** Forces a pending request to a state (control routes); 'terminal' if it already ended. */
  force(id: string, target: ForceTarget, nowMs: number): AsyncRequest | 'not_found' | 'terminal' {
    this.settle(nowMs);
    const r = this.requests.get(id);
    if (!r) return 'not_found';
    if (TERMINAL.has(r.status)) return 'terminal';
    if (target === 'APPROVED') {
      if (r.status === 'WAITING_FOR_APPROVAL') {
        // Keeps the configured APPROVED -> COMPLETED gap, counted from now.
        r.completeAtMs = nowMs + (r.completeAtMs - r.approveAtMs);
        r.approveAtMs = nowMs;
      }
    } else if (target === 'COMPLETED') {
      r.approveAtMs = r.completeAtMs = nowMs;
    } else r.status = target;
    this.settle(nowMs);
    return r;
  }

  clear(): void {
    this.requests.clear();
  }
}
