import type { IncomingMessage } from 'node:http';

/** Bodies above this are refused: the largest real body (a PEM certificate chain) is a few KB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The exact raw bytes of the body (bodyHash covers these), or null when over the limit. */
export async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(buf);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}
