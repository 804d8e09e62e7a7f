import http from 'node:http';

// The SDK side of the proxy bench talks HTTP through axios on node:http; the app side's client does the same here, on
// a keep-alive agent, so the comparison is not skewed by which client library the harness happens to use (Node 20's
// fetch costs a few tenths of a millisecond more per call than node:http on loopback).
const agent = new http.Agent({ keepAlive: true });

/** GET `url` and parse the JSON answer. */
export function getJson(url: URL, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    req.on('error', reject);
  });
}
