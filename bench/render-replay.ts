import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { securityHeaders } from '@/lib/security/headers';

/** Every script element, and the preloads of scripts: what is left is the document's HTML and its stylesheets. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link rel="preload" as="script"[^>]*>/g, '');
}

/**
 * The document's table alone, in its own <head> (stylesheets kept, scripts dropped): the page without the console's
 * shell (header, navigation, the cosigner's card), so the rows' own cost shows apart from the frame around them.
 */
export function tableOnly(html: string): string {
  const page = withoutScripts(html);
  const table = page.slice(page.indexOf('<table'), page.indexOf('</table>') + '</table>'.length);
  if (!table.startsWith('<table')) throw new Error('the captured document has no table');
  return `${page.slice(0, page.indexOf('<body'))}<body><main>${table}</main></body></html>`;
}

/**
 * Serves a captured copy of the console's page from memory, at once, with the page's headers (its CSP nonce kept),
 * and passes every other request (scripts, stylesheets) through to the app. What Chromium then spends is the
 * browser's share of the page alone: no server render, no signed reads, nothing streamed.
 */
export async function serveReplay(
  appUrl: string,
  html: string,
  idpOrigin: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = new URL(appUrl);
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1] ?? 'none';
  const headers = {
    ...securityHeaders({ nonce, production: false, idpOrigin, https: false }),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  };
  const server = createServer((req, res) => {
    if (req.url === '/replay') {
      res.writeHead(200, headers);
      res.end(html);
      return;
    }
    const upstream = request(
      {
        host: app.hostname,
        port: app.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: app.host },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // The app's host name (localhost), so the copy's scripts and stylesheets are same-site, as on the app itself.
  await new Promise<void>((resolve) => server.listen(0, app.hostname, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${app.hostname}:${port}/replay`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
