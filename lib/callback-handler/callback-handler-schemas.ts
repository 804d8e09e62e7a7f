/**
 * The callback-handler schemas: ONE source of truth for the rules that need no crypto, imported by
 * the edit form (through its zod resolver) and by the server (which then adds the node:crypto checks
 * of inspect.ts). No server-only and no node: imports: this file ships to the browser.
 */
import { z } from 'zod';

import { changeReasonSchema } from '@/lib/change-model/actor-and-reason';

import { unknownFieldsError } from './fields';
import { checkPem, normalizePem, PEM_MAX_CHARS } from './pem-rules';
import { checkCallbackUrl, normalizeCallbackUrl, URL_MAX_CHARS } from './url-rules';

import type { PemLabel } from './pem-rules';
import type { UrlRuleOptions } from './url-rules';

export type CallbackSchemaOptions = UrlRuleOptions;

/**
 * The URL as typed, checked, then normalised once (normalizeCallbackUrl): the form's output, the confirm dialog,
 * the server's parse, the stored change and the PATCH to Fireblocks all carry the same string.
 */
const urlField = (opts: CallbackSchemaOptions) =>
  z
    .string({ error: 'The URL must be text.' })
    .trim()
    .superRefine((url, ctx) => {
      const message = checkCallbackUrl(url, opts);
      if (message) ctx.addIssue({ code: 'custom', message, abort: true });
    })
    .transform(normalizeCallbackUrl);

const pemField = (label: PemLabel, what: string) =>
  z
    .string({ error: `The ${what} must be text (PEM).` })
    .superRefine((pem, ctx) => {
      const message = checkPem(pem, label);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .transform(normalizePem);

const EXACTLY_ONE =
  'Provide either a public key or a certificate, not both: the Fireblocks Console configures one or the other.';
const NEITHER = 'Provide a public key or a certificate for the callback handler.';

/** `{ url, publicKey? , cert? }` as Fireblocks takes it, with exactly one of publicKey and cert. */
function makeCallbackHandlerSchema(opts: CallbackSchemaOptions) {
  return z
    .strictObject(
      {
        url: urlField(opts),
        publicKey: pemField('PUBLIC KEY', 'public key').optional(),
        cert: pemField('CERTIFICATE', 'certificate').optional(),
      },
      {
        error: (issue) =>
          unknownFieldsError(issue) ?? 'Send callbackHandler as an object with url and publicKey or cert.',
      },
    )
    .superRefine((handler, ctx) => {
      const count = Number(handler.publicKey !== undefined) + Number(handler.cert !== undefined);
      if (count !== 1) ctx.addIssue({ code: 'custom', message: count === 0 ? NEITHER : EXACTLY_ONE });
    });
}

/**
 * Body of `PATCH /api/cosigners/{c}/api-keys/{k}`: Fireblocks' updateCallbackHandler body plus the console's own
 * optional `reason` for the change record (never sent to Fireblocks).
 */
export function makeConsoleUpdateBodySchema(opts: CallbackSchemaOptions) {
  return z.strictObject(
    { callbackHandler: makeCallbackHandlerSchema(opts), reason: changeReasonSchema.optional() },
    { error: (issue) => unknownFieldsError(issue) ?? 'Send a JSON object with a callbackHandler.' },
  );
}

/** The default: plain http refused everywhere (a real Fireblocks upstream). */
export const consoleUpdateBodySchema = makeConsoleUpdateBodySchema({ allowLoopbackHttp: false });
export type ConsoleUpdateBody = z.output<typeof consoleUpdateBodySchema>;

type CallbackHandlerMode = 'publicKey' | 'cert';
const LABEL_OF: Record<CallbackHandlerMode, PemLabel> = { publicKey: 'PUBLIC KEY', cert: 'CERTIFICATE' };

/**
 * The edit form: the same URL and PEM rules, with a mode instead of two optional fields (the form
 * offers a choice, as the Fireblocks Console does). Errors land on `url`, `mode` and `pem`.
 */
export function makeCallbackHandlerFormSchema(opts: CallbackSchemaOptions) {
  return z
    .object({
      url: urlField(opts),
      mode: z.enum(['publicKey', 'cert'], { error: 'Choose a public key or a certificate.' }),
      pem: z.string({ error: 'Paste the public key or certificate (PEM).' }),
    })
    .superRefine((form, ctx) => {
      const label = LABEL_OF[form.mode];
      const message = label ? checkPem(form.pem, label) : null;
      if (message) ctx.addIssue({ code: 'custom', path: ['pem'], message });
    });
}

export const callbackHandlerFormSchema = makeCallbackHandlerFormSchema({ allowLoopbackHttp: false });
export type CallbackHandlerFormValues = z.input<typeof callbackHandlerFormSchema>;
export type CallbackHandlerForm = z.output<typeof callbackHandlerFormSchema>;

/** What the form submits: the body schema's shape, so the server parses exactly what the form checked. */
export function toConsoleUpdateBody(form: CallbackHandlerForm): ConsoleUpdateBody {
  const pem = normalizePem(form.pem);
  const url = form.url.trim();
  return { callbackHandler: form.mode === 'cert' ? { url, cert: pem } : { url, publicKey: pem } };
}

/**
 * Form defaults from the key's current handler. Fireblocks returns the public key but only a hash
 * for a certificate, so a certificate handler starts with the certificate the console pinned
 * (`pinnedCert`, from the change that sent it) or else an empty PEM field.
 */
export function callbackHandlerFormDefaults(
  current?: { url?: string; publicKey?: string; certPublicKeyHash?: string },
  pinnedCert?: string,
): CallbackHandlerFormValues {
  if (current?.certPublicKeyHash && !current.publicKey) {
    return { url: current.url ?? '', mode: 'cert', pem: pinnedCert ?? '' };
  }
  return { url: current?.url ?? '', mode: 'publicKey', pem: current?.publicKey ?? '' };
}

/**
 * `POST /api/callback-handler/inspect`: partial input while the user types, so only types, unknown
 * fields, at most one PEM, and hard caps are checked here; inspect.ts reports every rule it breaks.
 */
export const inspectCallbackHandlerBodySchema = z
  .strictObject(
    {
      url: z
        .string({ error: 'The URL must be text.' })
        .max(URL_MAX_CHARS * 4, 'The URL is far too long.')
        .optional(),
      publicKey: z
        .string({ error: 'The public key must be text (PEM).' })
        .max(PEM_MAX_CHARS * 4, 'The public key is far too long.')
        .optional(),
      cert: z
        .string({ error: 'The certificate must be text (PEM).' })
        .max(PEM_MAX_CHARS * 4, 'The certificate is far too long.')
        .optional(),
    },
    { error: (issue) => unknownFieldsError(issue) ?? 'Send a JSON object with url, publicKey or cert.' },
  )
  .refine((body) => body.publicKey === undefined || body.cert === undefined, { message: EXACTLY_ONE, path: ['cert'] });

export type InspectCallbackHandlerBody = z.output<typeof inspectCallbackHandlerBodySchema>;

export { mapServerFieldToFormField } from './fields';
export { containsPrivateKey, PEM_MAX_CHARS, PRIVATE_KEY_MESSAGE } from './pem-rules';
