import 'server-only';

import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

import { checkCallbackUrl } from '@/lib/callback-handler/url-rules';
import { AppError } from '@/lib/errors/app-error';

import { judgePreflight, type PreflightExpectation } from './judge-preflight';
import type { PreflightResult } from './preflight-schemas';
import { probeTls, type LookupAll } from './probe-tls';

/**
 * The handler to check: its URL, and for a pinned certificate the hex SHA-256 of its SPKI (what a change records
 * as `certPublicKeyHash`), which the server must present.
 */
export type PreflightTarget =
  { url: string; mode: 'publicKey' } | { url: string; mode: 'cert'; pinnedSpkiSha256: string };

export interface RunPreflightOptions {
  /**
   * Whether the upstream is the simulator: then (and only then) plain http to loopback passes the URL rules and the
   * probe may connect to loopback (tests and demos run their handlers there).
   */
  simulated: boolean;
  /** Trusted CAs (PEM) beyond Node's own store: PREFLIGHT_CA_FILE's certificates. */
  extraCaPems: string[];
  now?: () => Date;
  budgetMs?: number;
  lookup?: LookupAll;
}

let nodeStore: SecureContext | undefined;
let withExtra: { extra: string[]; context: SecureContext } | undefined;

/**
 * The client TLS context a probe verifies chains with: Node's CA store, plus the operator's CAs when there are any (a
 * `ca` replaces the store, so both are given then). Built once and shared by every probe: a context of its own per
 * connection (what a bare `tls.connect` makes) costs about a tenth of a loopback handshake, and parsing some 150
 * CA certificates for it far more.
 */
function trustFor(extra: string[]): SecureContext {
  if (extra.length === 0) return (nodeStore ??= createSecureContext());
  if (withExtra?.extra !== extra)
    withExtra = { extra, context: createSecureContext({ ca: [...rootCertificates, ...extra] }) };
  return withExtra.context;
}

/**
 * Checks a callback handler's target from the console's network: the URL rules first (a 400 when they refuse it,
 * as for a PATCH), then the probe (probe-tls.ts), then the verdict (judge-preflight.ts). At most 5 s; never throws
 * for anything the network does.
 */
export async function runPreflight(target: PreflightTarget, o: RunPreflightOptions): Promise<PreflightResult> {
  const text = target.url.trim();
  const broken = checkCallbackUrl(text, { allowLoopbackHttp: o.simulated });
  if (broken) {
    throw new AppError({ status: 400, code: 'bad_request', message: broken, fields: { url: broken } });
  }
  const url = new URL(text);
  const plainHttp = url.protocol === 'http:';
  const expectation: PreflightExpectation =
    target.mode === 'cert' ? { mode: 'cert', pinnedSpkiSha256: target.pinnedSpkiSha256 } : { mode: 'publicKey' };
  const record = await probeTls({
    hostname: url.hostname,
    port: url.port ? Number(url.port) : plainHttp ? 80 : 443,
    tls: !plainHttp,
    allowLoopback: o.simulated,
    trust: trustFor(o.extraCaPems),
    budgetMs: o.budgetMs,
    lookup: o.lookup,
  });
  return judgePreflight({ record, expectation, plainHttp, now: o.now?.() ?? new Date() });
}
