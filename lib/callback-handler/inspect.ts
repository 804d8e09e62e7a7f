import 'server-only';

import { AppError } from '@/lib/errors/app-error';

import { issuesToFields } from './fields';
import { inspectCertificate } from './inspect-certificate';
import { inspectPublicKey } from './inspect-public-key';
import { inspectUrl } from './inspect-url';
import { inspectCallbackHandlerBodySchema } from './callback-handler-schemas';

import type { CertificateInspection } from './inspect-certificate';
import type { PublicKeyInspection } from './inspect-public-key';
import type { UrlInspection } from './inspect-url';

export type { PublicKeyInspection };

export interface InspectContext {
  /** Plain http to loopback hosts is accepted only while the upstream is the simulator. */
  allowLoopbackHttp: boolean;
  /** For validity checks; defaults to the current time. */
  now?: Date;
}

type InspectField = 'url' | 'publicKey' | 'cert';

/**
 * What the URL and the key or certificate are, and what is wrong with them. JSON-safe (strings,
 * numbers, booleans, null) and free of any pasted text: a private key only ever yields the fixed
 * refusal message, and the URL is returned as parts, never with its user-info.
 */
export interface CallbackHandlerInspection {
  /** No errors (warnings allowed). */
  ok: boolean;
  /** One message per offending field, keyed `url`, `publicKey`, `cert`. */
  errors: Partial<Record<InspectField, string>>;
  warnings: string[];
  /** Present when a URL was given and parses. */
  url: UrlInspection | null;
  publicKey?: PublicKeyInspection;
  cert?: CertificateInspection;
}

export interface CallbackHandlerInput {
  url?: string;
  publicKey?: string;
  cert?: string;
}

/** Every rule of docs/callback-handler-rules.md, node:crypto included. Partial input: only what is given is checked. */
export function inspectCallbackHandler(input: CallbackHandlerInput, ctx: InspectContext): CallbackHandlerInspection {
  const errors: CallbackHandlerInspection['errors'] = {};
  const warnings: string[] = [];
  const result: CallbackHandlerInspection = { ok: false, errors, warnings, url: null };

  if (input.url !== undefined) {
    const url = inspectUrl(input.url, ctx);
    if (url.error) errors.url = url.error;
    result.url = url.info ?? null;
    warnings.push(...url.warnings);
  }
  if (input.publicKey !== undefined) {
    const key = inspectPublicKey(input.publicKey);
    if (key.error) errors.publicKey = key.error;
    if (key.info) result.publicKey = key.info;
  }
  if (input.cert !== undefined) {
    const hostname = result.url && !errors.url ? result.url.hostname : undefined;
    const tls = result.url?.protocol === 'https';
    const cert = inspectCertificate(input.cert, { now: ctx.now ?? new Date(), hostname, tls });
    if (cert.error) errors.cert = cert.error;
    if (cert.info) result.cert = cert.info;
    warnings.push(...cert.warnings);
  }
  result.ok = Object.keys(errors).length === 0;
  return result;
}

/**
 * For `POST /api/callback-handler/inspect`: parses the raw JSON body with
 * `inspectCallbackHandlerBodySchema` (`{ url?, publicKey?, cert? }`, at most one of the PEMs) and
 * returns `CallbackHandlerInspection`, ready for `Response.json`. A malformed body (wrong types,
 * unknown fields, both PEMs) throws `AppError` 400 `bad_request` with `fields`; a PEM or URL that
 * breaks a rule is NOT an error here: it comes back in `errors`, so the panel can show it as the
 * user types. Calls nothing upstream, logs nothing.
 */
export function inspectForPanel(body: unknown, ctx: InspectContext): CallbackHandlerInspection {
  const parsed = inspectCallbackHandlerBodySchema.safeParse(body);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error.issues);
    const message = Object.values(fields)[0] ?? 'The inspection request is not valid.';
    throw new AppError({ status: 400, code: 'bad_request', message, fields });
  }
  return inspectCallbackHandler(parsed.data, ctx);
}
