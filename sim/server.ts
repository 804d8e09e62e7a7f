import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { handleControl } from './control-routes';
import { SimCore } from './core';
import { SIM } from './http/error-codes';
import { readBody } from './http/read-body';
import { fail, type SimResponse } from './http/response';
import { writeResponse } from './http/write';
import type { FaultConfig, Simulator, SimulatorOptions } from './types';

function faultResponse(f: FaultConfig & { status: number }): SimResponse {
  // A 429 always says when to come back; other statuses only when asked to.
  const retryAfter = f.retryAfterSec ?? (f.status === 429 ? 1 : undefined);
  const headers = retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) };
  if (f.status === 429) return fail(429, SIM.rateLimited, 'Too many requests', headers);
  return fail(f.status, SIM.injectedFault, `Injected fault (HTTP ${f.status})`, headers);
}

/** Real bodies are a few KB (a PEM at most); longer ones are cut so the log cannot hold gigabytes. */
const MAX_LOGGED_BODY = 64 * 1024;
function logBody(body: Buffer | null): string | undefined {
  if (!body?.length) return undefined;
  const text = body.toString('utf8');
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}...[truncated]` : text;
}

async function handle(core: SimCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const at = new Date().toISOString();
  const generation = core.log.arrived();
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const pathname = url.split('?')[0] ?? '/';
  const body = await readBody(req);
  if (pathname.startsWith('/_sim/')) {
    writeResponse(res, handleControl(core, method, pathname, body ?? Buffer.alloc(0), Date.now()), requestId);
    return;
  }
  const header = req.headers['x-api-key'];
  const entry = {
    at,
    method,
    path: url,
    requestId,
    apiKey: typeof header === 'string' ? header : undefined,
    body: logBody(body),
  };
  const fault = core.faults.take(method, pathname);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.drop) {
    core.log.add({ ...entry, status: 0 }, generation);
    req.socket.destroy();
    return;
  }
  // Time is read after any injected latency: the token is checked when the request is really handled.
  const response = fault?.status
    ? faultResponse({ ...fault, status: fault.status })
    : core.process({ method, url, headers: req.headers, body, nowMs: Date.now() });
  if (fault?.dropAfterHandling) {
    // Handled (a PATCH is accepted and its request created), but the client never hears of it.
    core.log.add({ ...entry, status: 0, handledStatus: response.status, code: response.code }, generation);
    req.socket.destroy();
    return;
  }
  core.log.add({ ...entry, status: response.status, code: response.code }, generation);
  writeResponse(res, response, requestId, fault?.malformedJson);
}

function urlOf(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Starts the Fireblocks simulator on an HTTP port (0 = random) and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const core = new SimCore(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(core, req, res).catch(() => {
      writeResponse(res, fail(500, 5001, 'Internal simulator error'), randomUUID());
    });
  });
  // Longer than any client's idle keep-alive (undici 4 s, Node agents 5 s), so the server never closes a
  // socket a client is about to reuse: that race shows up as random ECONNRESETs under load.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const url = urlOf(host, (server.address() as AddressInfo).port);
  return {
    url,
    baseUrl: `${url}/v1`,
    get seed() {
      return core.seed;
    },
    get workspace() {
      return core.workspace;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    requestLog: () => core.log.list(),
    clearLog: () => core.log.clear(),
    setFaults: (f) => core.faults.set(f),
    clearFaults: () => core.faults.clear(),
    setRateLimit: (limit) => core.rateLimits.set(limit),
    setForbidden: (f) => core.setForbidden(f),
  };
}
