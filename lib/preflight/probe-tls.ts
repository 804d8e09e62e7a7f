import 'server-only';

import { X509Certificate } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, type DetailedPeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';

import { certCoversHost, listSans } from '@/lib/callback-handler/certificate-host';

import { refusedAddressKind, type RefusedAddressKind } from './address-rules';
import type { PresentedCertificate, PreflightTls } from './preflight-schemas';
import { certificateSpkiSha256 } from './spki-hash';

/** Name resolution, connection and handshake together: what the probe may take in all. */
export const PREFLIGHT_BUDGET_MS = 5_000;
/** A server could send a chain of any length; the record keeps the first few (the leaf first). */
const MAX_CHAIN = 6;
/** A certificate may carry thousands of names; the record keeps this many per certificate. */
const MAX_SANS = 100;

/** Resolves a host name to every address, in the resolver's order (as `dns.lookup` with `all` does). */
export type LookupAll = (hostname: string) => Promise<Array<{ address: string }>>;

export interface ProbeOptions {
  /** The URL's host as `URL.hostname` gives it (an IPv6 address in brackets). */
  hostname: string;
  port: number;
  /** False for plain http (the simulator only): a TCP connection is all there is to check. */
  tls: boolean;
  /** Loopback is the console's own machine: probed only while the upstream is the simulator (tests, demos). */
  allowLoopback: boolean;
  /** The CAs a chain is verified against (a context made with `ca`); unset: Node's own store. */
  trust?: SecureContext;
  budgetMs?: number;
  lookup?: LookupAll;
}

type ProbeFailureKind = 'not_found' | 'refused' | 'unreachable' | 'timeout' | 'reset' | 'tls_error';

export interface ProbeFailure {
  stage: 'dns' | 'connect' | 'handshake';
  kind: ProbeFailureKind;
  /** The system's or OpenSSL's code (`ECONNREFUSED`, `ERR_SSL_WRONG_VERSION_NUMBER`), when there is one. */
  code: string | null;
}

/** What the probe saw: facts only, judged by judgePreflight. */
export interface ProbeRecord {
  /** Without brackets. */
  host: string;
  port: number;
  addresses: string[];
  /** The first resolved address the probe refused to connect to, and why: then nothing was connected. */
  refused: { address: string; kind: RefusedAddressKind } | null;
  connectedAddress: string | null;
  timings: { dnsMs: number | null; connectMs: number | null; handshakeMs: number | null };
  failure: ProbeFailure | null;
  tls: PreflightTls | null;
}

class BudgetSpent extends Error {
  override name = 'BudgetSpent';
}

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });
const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;
const codeOf = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
const oneLine = (dn: string): string => dn.split('\n').filter(Boolean).join(', ');

/** Rejects with BudgetSpent after `ms`, calling `cancel` first; the timer never outlives the promise. */
function within<T>(ms: number, start: () => Promise<T>, cancel: () => void = () => undefined): Promise<T> {
  if (ms <= 0) return Promise.reject(new BudgetSpent());
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cancel();
      reject(new BudgetSpent());
    }, ms);
    start().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function failureOf(stage: ProbeFailure['stage'], error: unknown): ProbeFailure {
  if (error instanceof BudgetSpent) return { stage, kind: 'timeout', code: null };
  const code = codeOf(error);
  const kind: ProbeFailureKind =
    stage === 'dns'
      ? 'not_found'
      : code === 'ECONNREFUSED'
        ? 'refused'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? 'reset'
          : code === 'ETIMEDOUT'
            ? 'timeout'
            : stage === 'handshake'
              ? 'tls_error'
              : 'unreachable';
  return { stage, kind, code };
}

function openTcp(address: string, port: number): { socket: Socket; connected: Promise<Socket> } {
  const socket = tcpConnect({ host: address, port });
  const connected = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      // From here the TLS socket that wraps it reports what goes wrong; an error left unheard would end the process.
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
  return { socket, connected };
}

function presentedCertificate(cert: X509Certificate): PresentedCertificate {
  return {
    subject: oneLine(cert.subject),
    sans: listSans(cert).slice(0, MAX_SANS),
    issuer: oneLine(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    spkiSha256: certificateSpkiSha256(cert),
  };
}

/**
 * The chain as the server sent it and Node linked it (with the trusted CA that issued it, when known), leaf first,
 * each certificate once. Node hands a connection's peer certificates out once, either as the leaf alone (cheap) or
 * as the detailed chain (about a tenth of a loopback handshake): a leaf OpenSSL found alone and self-signed, what a
 * pinned handler usually serves, is the whole chain, so only a chain that has more pays for it.
 */
function peerChain(socket: TLSSocket, chainError: string | null): X509Certificate[] {
  if (chainError === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    const leaf = socket.getPeerX509Certificate();
    return leaf ? [leaf] : [];
  }
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.raw && !seen.has(cert.fingerprint256) && chain.length < MAX_CHAIN) {
    seen.add(cert.fingerprint256);
    chain.push(new X509Certificate(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/**
 * The TLS handshake over `socket`, with SNI for a host name. Verification is recorded, never enforced: the probe
 * must see a bad certificate to say what is wrong with it. Nothing is written after the handshake: the socket is
 * ended (close_notify, then FIN) as soon as the facts are read.
 */
function handshake(
  socket: Socket,
  host: string,
  trust: SecureContext | undefined,
): { abort: () => void; done: Promise<PreflightTls> } {
  const tls = tlsConnect({
    socket,
    ...(isIP(host) ? {} : { servername: host }),
    rejectUnauthorized: false,
    // Chain verification only: whether the leaf names the host is asked apart (certCoversHost), so that
    // `authorizationError` never mixes the two.
    checkServerIdentity: () => undefined,
    ...(trust ? { secureContext: trust } : {}),
  });
  const done = new Promise<PreflightTls>((resolve, reject) => {
    tls.once('secureConnect', () => {
      try {
        const authorizationError = tls.authorizationError as Error | string | null | undefined;
        const chainError = tls.authorized
          ? null
          : String(codeOf(authorizationError) ?? authorizationError ?? 'unknown');
        const chain = peerChain(tls, chainError);
        const leaf = chain[0];
        resolve({
          version: tls.getProtocol() ?? 'unknown',
          chain: chain.map(presentedCertificate),
          chainVerified: tls.authorized,
          chainError,
          namesHost: leaf ? certCoversHost(leaf, host) : false,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        tls.removeAllListeners('error');
        tls.on('error', () => undefined);
        tls.destroySoon();
      }
    });
    tls.once('error', reject);
    tls.once('close', () => reject(Object.assign(new Error('closed during the handshake'), { code: 'ECONNRESET' })));
  });
  return { abort: () => tls.destroy(), done };
}

/**
 * Resolves the host, connects to the first address that answers, and completes a TLS handshake with SNI, all
 * within `budgetMs` (5 s). Sends no HTTP request and no byte of application data, follows nothing the server says,
 * and never connects when any resolved address is one the address rules refuse. Never throws for anything the
 * network does: that is recorded in `failure`.
 */
export async function probeTls(o: ProbeOptions): Promise<ProbeRecord> {
  const host = o.hostname.replace(/^\[|\]$/g, '');
  const deadline = performance.now() + (o.budgetMs ?? PREFLIGHT_BUDGET_MS);
  const remaining = () => Math.max(0, deadline - performance.now());
  const record: ProbeRecord = {
    host,
    port: o.port,
    addresses: [],
    refused: null,
    connectedAddress: null,
    timings: { dnsMs: null, connectMs: null, handshakeMs: null },
    failure: null,
    tls: null,
  };

  const dnsStart = performance.now();
  try {
    const resolved = await within(remaining(), () => (o.lookup ?? defaultLookup)(host));
    record.addresses = [...new Set(resolved.map((r) => r.address))];
    record.timings.dnsMs = elapsed(dnsStart);
  } catch (error) {
    record.failure = failureOf('dns', error);
    return record;
  }
  if (record.addresses.length === 0) {
    record.failure = { stage: 'dns', kind: 'not_found', code: 'ENODATA' };
    return record;
  }
  for (const address of record.addresses) {
    const kind = refusedAddressKind(address, { allowLoopback: o.allowLoopback });
    if (kind) {
      record.refused = { address, kind };
      return record;
    }
  }

  const connectStart = performance.now();
  let socket: Socket | undefined;
  for (const address of record.addresses) {
    const attempt = openTcp(address, o.port);
    try {
      socket = await within(
        remaining(),
        () => attempt.connected,
        () => attempt.socket.destroy(),
      );
      record.connectedAddress = address;
      break;
    } catch (error) {
      attempt.socket.destroy();
      record.failure = failureOf('connect', error);
      if (error instanceof BudgetSpent) break;
    }
  }
  record.timings.connectMs = elapsed(connectStart);
  if (!socket) return record;
  record.failure = null;
  if (!o.tls) {
    socket.destroy();
    return record;
  }

  const handshakeStart = performance.now();
  const attempt = handshake(socket, host, o.trust);
  try {
    record.tls = await within(remaining(), () => attempt.done, attempt.abort);
  } catch (error) {
    attempt.abort();
    record.failure = failureOf('handshake', error);
  }
  record.timings.handshakeMs = elapsed(handshakeStart);
  return record;
}
