import type { SeedSummary } from '../../sim/seed';

/** One request the simulator received, as its `/_sim/log` reports it. */
export interface SimLogEntry {
  method: string;
  path: string;
  status: number;
  apiKey?: string;
  body?: unknown;
}

/** Fault injection (sim FaultConfig): what the next matching upstream requests should suffer. */
export interface SimFault {
  latencyMs?: number;
  status?: 409 | 429 | 500 | 502 | 503;
  retryAfterSec?: number;
  drop?: boolean;
  /** Handle the request (a PATCH is accepted), then drop the connection unanswered. */
  dropAfterHandling?: boolean;
  malformedJson?: boolean;
  times?: number;
  match?: { method?: string; pathPrefix?: string };
}

/** How long the simulator's async requests wait before APPROVED, then before COMPLETED. */
export interface SimDelays {
  approveMs: number;
  completeMs: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The simulator's `/_sim/*` control routes over HTTP, as e2e specs, screenshots and benches use them. */
export class SimControl {
  constructor(readonly url: string) {}

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(new URL(path, this.url), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  async log(): Promise<SimLogEntry[]> {
    const data = await this.call('GET', '/_sim/log');
    const list = Array.isArray(data) ? data : isRecord(data) ? (data.entries ?? data.log ?? data.data) : undefined;
    if (!Array.isArray(list)) throw new Error('simulator /_sim/log answered an unexpected shape');
    return list.filter(isRecord).map((e) => ({
      method: String(e.method),
      path: String(e.path),
      status: Number(e.status),
      apiKey: typeof e.apiKey === 'string' ? e.apiKey : undefined,
      body: e.body,
    }));
  }

  /** Requests that reached the Fireblocks API (not the control routes), optionally only writes. */
  async upstreamCalls(filter: { method?: string } = {}): Promise<SimLogEntry[]> {
    return (await this.log()).filter(
      (e) => e.path.startsWith('/v1/') && (!filter.method || e.method === filter.method),
    );
  }

  /** Ids of the seeded workspace the simulator is serving (GET /_sim/seed). */
  async seed(): Promise<SeedSummary> {
    return (await this.call('GET', '/_sim/seed')) as SeedSummary;
  }

  clearLog = () => this.call('DELETE', '/_sim/log');
  setFaults = (fault: SimFault) => this.call('POST', '/_sim/faults', fault);
  clearFaults = () => this.call('DELETE', '/_sim/faults');
  reset = () => this.call('POST', '/_sim/reset');
  delays = async () => (await this.call('GET', '/_sim/delays')) as SimDelays;
  setDelays = (delays: SimDelays) => this.call('POST', '/_sim/delays', delays);
  /**
   * Sets a key's live callback handler at once, as a change made outside the console would (on the Co-Signer host,
   * or another tool through Fireblocks): `PUT /_sim/cosigners/{c}/api_keys/{k}/callback_handler`.
   */
  setHandler = (
    ref: { cosignerId: string; apiKeyId: string },
    handler: { url: string; publicKey?: string; cert?: string },
  ) =>
    this.call(
      'PUT',
      `/_sim/cosigners/${encodeURIComponent(ref.cosignerId)}/api_keys/${encodeURIComponent(ref.apiKeyId)}/callback_handler`,
      handler,
    );
  reject = (requestId: string) => this.call('POST', `/_sim/requests/${encodeURIComponent(requestId)}/reject`);
}
