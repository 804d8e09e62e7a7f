/**
 * The pre-flight check of a callback handler's target, as the console's API shows it (on a change, and from the
 * edit form's "Check the handler now"). No server-only import: the UI reads these types. What is checked and why:
 * docs/preflight.md.
 */
import { z } from 'zod';

const PREFLIGHT_VERDICTS = ['pass', 'warn', 'fail'] as const;
export type PreflightVerdict = (typeof PREFLIGHT_VERDICTS)[number];

/** PREFLIGHT: `block` refuses the approval of a `fail`; `warn` shows it only; `off` never probes. */
export type PreflightMode = 'block' | 'warn' | 'off';

/**
 * Why a check ended as it did. `fail`: the Co-Signer will refuse the handler whatever its network. `warn`: it may,
 * or the console cannot tell from where it stands.
 */
const PREFLIGHT_FINDING_CODES = [
  // fail
  'pin_mismatch',
  'cert_expired',
  'cert_not_yet_valid',
  'host_not_named',
  'forbidden_address',
  // warn
  'unreachable',
  'handshake_failed',
  'chain_unverified',
  'cert_expiring',
  'not_probed',
] as const;

const preflightFindingSchema = z.object({
  code: z.enum(PREFLIGHT_FINDING_CODES),
  severity: z.enum(['fail', 'warn']),
  /** One sentence for people, naming the host and what the Co-Signer will do about it. */
  message: z.string(),
});

/** One certificate the server presented, leaf first. Dates ISO 8601; the UI words them. */
const presentedCertificateSchema = z.object({
  subject: z.string(),
  /** As Node prints them: `DNS:pay.example.com`, `IP Address:10.0.0.1`. */
  sans: z.array(z.string()),
  issuer: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Lowercase hex SHA-256 of the certificate's SubjectPublicKeyInfo: what a pinned certificate is compared by. */
  spkiSha256: z.string(),
});

const preflightTlsSchema = z.object({
  /** As negotiated: `TLSv1.3`, `TLSv1.2`. */
  version: z.string(),
  chain: z.array(presentedCertificateSchema),
  /** Whether the chain verifies against the console's trust store (Node's CAs, plus PREFLIGHT_CA_FILE). */
  chainVerified: z.boolean(),
  /** OpenSSL's reason when it does not (`DEPTH_ZERO_SELF_SIGNED_CERT`, ...). */
  chainError: z.string().nullable(),
  /** Whether the leaf's subject alternative names cover the URL's host. */
  namesHost: z.boolean(),
});

const preflightTimingsSchema = z.object({
  dnsMs: z.number().nullable(),
  connectMs: z.number().nullable(),
  handshakeMs: z.number().nullable(),
});

export const preflightResultSchema = z.object({
  verdict: z.enum(PREFLIGHT_VERDICTS),
  /** ISO 8601 UTC. */
  checkedAt: z.string(),
  /** The verdict in one sentence: the most serious finding's, or what passed. */
  summary: z.string(),
  /** The URL's host and port as probed (`pay.example.com`, 443). */
  host: z.string(),
  port: z.number().int(),
  /** What the host resolved to from the console's network, in the resolver's order. */
  addresses: z.array(z.string()),
  /** The address the handshake was made with; null when none was reached. */
  connectedAddress: z.string().nullable(),
  timings: preflightTimingsSchema,
  /** Most serious first. Empty on `pass`. */
  findings: z.array(preflightFindingSchema),
  /** Null when no handshake completed (unreachable, refused, not probed) or the URL is plain http. */
  tls: preflightTlsSchema.nullable(),
});

/** `POST /api/callback-handler/preflight` answers `{ data }`. */
export const preflightResponseSchema = z.object({ data: preflightResultSchema });

export type PreflightFinding = z.infer<typeof preflightFindingSchema>;
export type PresentedCertificate = z.infer<typeof presentedCertificateSchema>;
export type PreflightTls = z.infer<typeof preflightTlsSchema>;
export type PreflightResult = z.infer<typeof preflightResultSchema>;
export type PreflightResponse = z.infer<typeof preflightResponseSchema>;
