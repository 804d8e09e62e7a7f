import http from 'node:http';

import { HttpSendError, MAX_ANSWER_BYTES, type HttpAnswer, type HttpSendInit } from '@/lib/fireblocks/http-send';

const agent = new http.Agent({ keepAlive: true });

/**
 * The console's Fireblocks transport as it was before undici (node:http(s) with a keep-alive agent, same contract as
 * lib/fireblocks/http-send.ts), kept here as the transport bench's baseline: plain http only, which is all the
 * bench's upstream speaks.
 */
export function nodeHttpSend(url: URL, init: HttpSendInit): Promise<HttpAnswer> {
  const headers = init.body ? { ...init.headers, 'Content-Length': String(init.body.byteLength) } : init.headers;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new HttpSendError('timeout'));
    }, init.timeoutMs);
    const req = http.request(url, { method: init.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > MAX_ANSWER_BYTES) req.destroy(new HttpSendError('too_large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const answer = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          answer.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode ?? 0, headers: answer, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e instanceof HttpSendError ? e : new HttpSendError('network', e.code));
    });
    req.end(init.body);
  });
}
