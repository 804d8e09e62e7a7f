import 'server-only';

import { AppError } from '@/lib/errors/app-error';

export interface ReadJsonBodyOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** The whole body must have arrived this long after reading starts; default BODY_DEADLINE_MS. */
  deadlineMs?: number;
}

/**
 * A few KB take milliseconds on any real link; a body still trickling in after 10 s is a client holding a
 * socket (and this request's memory) open, slowloris-style. Node's own requestTimeout (300 s) is far too lax.
 */
export const BODY_DEADLINE_MS = 10_000;

/**
 * A callback-handler body is a URL and one PEM block, a few KB at most. 64 KiB leaves room for a
 * 4096-bit certificate with many SANs and still refuses a megabyte before it is buffered or parsed.
 */
export const MAX_CALLBACK_BODY_BYTES = 64 * 1024;

const badBody = (message: string) =>
  new AppError({ status: 400, code: 'bad_request', message, fields: { body: message } });

/**
 * Reads a JSON request body with a hard size cap: refused up front by `Content-Length`, and counted
 * while streaming (a chunked body has no length), so an oversize body is never held in memory whole.
 * A body that has not fully arrived by the deadline is a 408 (lib/api-routes/error-response.ts closes that connection).
 */
export async function readJsonBody(
  req: Request,
  { maxBytes, deadlineMs = BODY_DEADLINE_MS }: ReadJsonBodyOptions,
): Promise<unknown> {
  const tooLarge = `Request body must be at most ${maxBytes} bytes.`;
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw badBody(tooLarge);
  if (!req.body) throw badBody('Request body is required.');

  const reader = req.body.getReader();
  let timedOut = false;
  // Cancelling ends the pending read (done), so the loop below stops waiting on a client that has stalled.
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => undefined);
  }, deadlineMs);
  const chunks: Uint8Array[] = [];
  try {
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (timedOut) {
        const message = `The request body did not arrive within ${deadlineMs / 1000} seconds.`;
        throw new AppError({ status: 408, code: 'bad_request', message, fields: { body: message } });
      }
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw badBody(tooLarge);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badBody('Request body must be UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Never quote the body back: it may hold a pasted private key.
    throw badBody('Request body must be valid JSON.');
  }
}
