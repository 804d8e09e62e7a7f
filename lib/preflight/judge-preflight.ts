import 'server-only';

import type { RefusedAddressKind } from './address-rules';
import type { PreflightFinding, PreflightResult, PreflightVerdict } from './preflight-schemas';
import { PREFLIGHT_BUDGET_MS, type ProbeFailure, type ProbeRecord } from './probe-tls';

/** What the handler asks of the server's TLS: a pinned certificate's key, or (public key) a CA-signed chain. */
export type PreflightExpectation = { mode: 'publicKey' } | { mode: 'cert'; pinnedSpkiSha256: string };

export interface JudgeInput {
  record: ProbeRecord;
  expectation: PreflightExpectation;
  /** Plain http (the simulator only): no TLS was expected. */
  plainHttp: boolean;
  now: Date;
}

const DAY_MS = 86_400_000;
/** The same window as the certificate rules': a certificate ending within it is warned about. */
const EXPIRY_WARNING_DAYS = 30;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `3 March 2027` (UTC): a date for people, never raw ISO. By hand: Intl's formatter costs more than the verdict. */
function dayOf(iso: string): string {
  const day = new Date(iso);
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()] ?? ''} ${day.getUTCFullYear()}`;
}

const ADDRESS_WORDS: Record<Exclude<RefusedAddressKind, 'loopback'>, string> = {
  metadata: 'a cloud instance-metadata address',
  'link-local': 'a link-local address',
  unspecified: 'an unspecified address (0.0.0.0 or ::), which names no machine',
  multicast: 'a multicast or broadcast address',
};

const NETWORK_MAY_DIFFER = "The Co-Signer's network may differ from the console's";

/** Words for the handshake errors people meet; others are named by their code. */
const TLS_ERROR_WORDS: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER: 'it does not speak TLS on this port',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'it offers no TLS version the console accepts (TLS 1.2 or newer)',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'it offers no TLS version the console accepts (TLS 1.2 or newer)',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'it refused the handshake',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'it asks for a client certificate',
};

const CHAIN_ERROR_WORDS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate no trusted CA vouches for',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not a trusted CA, or the server does not send its intermediate',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not a trusted CA, or the server does not send its intermediate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not a trusted CA, or the server does not send its intermediate',
  CERT_UNTRUSTED: 'no trusted CA vouches for it',
};
/** Validity errors are findings of their own (expired, not yet valid): not a chain finding as well. */
const VALIDITY_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** `pay.example.com`, `pay.example.com:8443`, `[2001:db8::1]:8443`: the server as people name it. */
function serverName(record: ProbeRecord, plainHttp: boolean): string {
  const host = record.host.includes(':') ? `[${record.host}]` : record.host;
  return record.port === (plainHttp ? 80 : 443) ? host : `${host}:${record.port}`;
}

function unreachable(failure: ProbeFailure, at: string, host: string): PreflightFinding {
  const seconds = PREFLIGHT_BUDGET_MS / 1000;
  const what: Record<ProbeFailure['kind'], string> = {
    not_found: `${host} does not resolve from the console's network.`,
    refused: `Nothing accepts connections at ${at} from the console's network (connection refused).`,
    unreachable: `${at} cannot be reached from the console's network (${failure.code ?? 'no route'}).`,
    timeout:
      failure.stage === 'handshake'
        ? `${at} accepted the connection but did not complete a TLS handshake within ${seconds} seconds.`
        : `${at} did not answer within ${seconds} seconds from the console's network.`,
    reset: `The connection to ${at} was cut before the TLS handshake finished.`,
    tls_error: '',
  };
  const check =
    failure.kind === 'not_found' ? 'make sure the name resolves there' : 'make sure the handler is reachable from it';
  return { code: 'unreachable', severity: 'warn', message: `${what[failure.kind]} ${NETWORK_MAY_DIFFER}: ${check}.` };
}

/** What went wrong before any certificate was seen; null when a handshake (or, for http, a connection) was made. */
function networkFindings(record: ProbeRecord, at: string, plainHttp: boolean): PreflightFinding[] | null {
  const { host } = record;
  if (record.refused) {
    const { address, kind } = record.refused;
    const is = address === host ? `${host} is` : `${host} resolves to ${address},`;
    if (kind === 'loopback') {
      return [
        {
          code: 'not_probed',
          severity: 'warn',
          message: `${is} a loopback address: for the Co-Signer that is its own machine, which the console cannot see. Nothing was checked.`,
        },
      ];
    }
    return [
      {
        code: 'forbidden_address',
        severity: 'fail',
        message: `${is} ${ADDRESS_WORDS[kind]}: the Co-Signer cannot call a handler there, and the console does not connect to it.`,
      },
    ];
  }
  const failure = record.failure;
  if (failure?.kind === 'tls_error') {
    const why = TLS_ERROR_WORDS[failure.code ?? ''] ?? failure.code ?? 'an error';
    return [
      {
        code: 'handshake_failed',
        severity: 'warn',
        message: `${at} answered, but the TLS handshake failed (${why}): the Co-Signer will most likely fail the same way.`,
      },
    ];
  }
  if (failure) return [unreachable(failure, at, host)];
  if (plainHttp) {
    return [
      {
        code: 'not_probed',
        severity: 'warn',
        message: `${at} accepts connections, but over plain http there is no TLS to check: this works against the simulator only.`,
      },
    ];
  }
  return null;
}

/** The findings on a completed handshake, most serious first. */
function tlsFindings(input: JudgeInput, at: string): PreflightFinding[] {
  const { record, expectation, now } = input;
  const tls = record.tls;
  const leaf = tls?.chain[0];
  if (!tls || !leaf) {
    return [
      { code: 'handshake_failed', severity: 'warn', message: `${at} completed a handshake without a certificate.` },
    ];
  }
  const fails: PreflightFinding[] = [];
  const warns: PreflightFinding[] = [];
  const refuse = 'the Co-Signer will refuse it';
  if (expectation.mode === 'cert' && leaf.spkiSha256 !== expectation.pinnedSpkiSha256) {
    fails.push({
      code: 'pin_mismatch',
      severity: 'fail',
      message: `The server at ${at} presents a different certificate from the one pinned: ${refuse}.`,
    });
  }
  const nowMs = now.getTime();
  const endsMs = Date.parse(leaf.notAfter);
  if (nowMs > endsMs) {
    fails.push({
      code: 'cert_expired',
      severity: 'fail',
      message: `The server at ${at} presents a certificate that expired on ${dayOf(leaf.notAfter)}: ${refuse}.`,
    });
  } else if (nowMs < Date.parse(leaf.notBefore)) {
    fails.push({
      code: 'cert_not_yet_valid',
      severity: 'fail',
      message: `The server at ${at} presents a certificate that is not valid until ${dayOf(leaf.notBefore)}: ${refuse} until then.`,
    });
  } else if (endsMs - nowMs < EXPIRY_WARNING_DAYS * DAY_MS) {
    const renew =
      expectation.mode === 'cert'
        ? ' A renewed certificate with a new key needs a new change here.'
        : ' Renew it before then.';
    warns.push({
      code: 'cert_expiring',
      severity: 'warn',
      message: `The server at ${at} presents a certificate that ends on ${dayOf(leaf.notAfter)}, within ${EXPIRY_WARNING_DAYS} days: after that the Co-Signer will refuse it.${renew}`,
    });
  }
  if (!tls.namesHost) {
    const names = leaf.sans.map((san) => san.replace(/^(DNS|IP Address):/, '')).join(', ') || 'no host at all';
    fails.push({
      code: 'host_not_named',
      severity: 'fail',
      message: `The server at ${at} presents a certificate for ${names}, not for ${record.host}: ${refuse}.`,
    });
  }
  if (expectation.mode === 'publicKey' && !tls.chainVerified && !VALIDITY_ERRORS.has(tls.chainError ?? '')) {
    const why = CHAIN_ERROR_WORDS[tls.chainError ?? ''] ?? tls.chainError ?? 'it does not verify';
    warns.push({
      code: 'chain_unverified',
      severity: 'warn',
      message: `The server at ${at} presents a certificate no trusted CA vouches for (${why}). Fireblocks requires a CA-signed certificate for a handler that uses a public key: the Co-Signer will likely refuse it.`,
    });
  }
  return [...fails, ...warns];
}

function passSummary(input: JudgeInput, at: string): string {
  const leaf = input.record.tls?.chain[0];
  const until = leaf ? `, valid until ${dayOf(leaf.notAfter)}` : '';
  return input.expectation.mode === 'cert'
    ? `The server at ${at} presents the pinned certificate's key, in a certificate for ${input.record.host}${until}.`
    : `The server at ${at} presents a CA-signed certificate for ${input.record.host}${until}.`;
}

/**
 * The verdict on what the probe saw. `fail`: the Co-Signer will refuse the handler whatever its network (a pinned
 * key the server does not present, an expired or wrong-host certificate, an address no handler can have). `warn`:
 * it may (a public-key handler's chain no CA vouches for, a certificate ending within 30 days, a handshake that
 * failed), or the console cannot tell from its own network (unreachable, loopback). `pass`: none of these.
 */
export function judgePreflight(input: JudgeInput): PreflightResult {
  const { record, plainHttp, now } = input;
  const at = serverName(record, plainHttp);
  const findings = networkFindings(record, at, plainHttp) ?? tlsFindings(input, at);
  const verdict: PreflightVerdict = findings.some((f) => f.severity === 'fail')
    ? 'fail'
    : findings.length > 0
      ? 'warn'
      : 'pass';
  return {
    verdict,
    checkedAt: now.toISOString(),
    summary: findings[0]?.message ?? passSummary(input, at),
    host: record.host,
    port: record.port,
    addresses: record.addresses,
    connectedAddress: record.connectedAddress,
    timings: record.timings,
    findings,
    tls: record.tls,
  };
}
