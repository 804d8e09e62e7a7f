import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticRow {
  id: string;
  lastSeen?: string;
  url?: string;
  auth: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The baseline: the same rows as a plain server-written HTML table, no script at all. */
export function staticTableHtml(rows: StaticRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.lastSeen ?? 'Never')}</td><td>${esc(r.url ?? 'Not configured')}</td><td>${esc(r.auth)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API keys (static)</title></head><body><main><h1>API keys</h1>
<table><caption>API keys</caption><thead><tr><th>API key ID</th><th>Last seen</th><th>Callback URL</th><th>Authentication</th></tr></thead>
<tbody>
${body}
</tbody></table></main></body></html>`;
}

/** Serves one HTML document over loopback HTTP (so the baseline pays for a request too, like the app). */
export async function serveHtml(
  html: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
