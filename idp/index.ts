import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import type Provider from 'oidc-provider';

import { loginPage } from './login-page';
import { createProvider, type DevIdpClient } from './provider';
import { DEV_USERS } from './users';

export type { DevIdpClient } from './provider';

export interface StartDevIdpOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1; the issuer URL uses it. */
  host?: string;
  clients: DevIdpClient[];
}

export interface DevIdp {
  /** `http://127.0.0.1:PORT`, the OIDC_ISSUER to give the app. */
  issuer: string;
  close(): Promise<void>;
}

const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

/** The dev login an OIDC `login_hint` names (its login or its email), if any. */
function loginOfHint(hint: unknown): string | undefined {
  if (typeof hint !== 'string') return undefined;
  const wanted = hint.trim().toLowerCase();
  return Object.entries(DEV_USERS).find(([login, user]) => login === wanted || user.email === wanted)?.[0];
}

/** GET shows the form; POST …/login accepts a known username with any password. */
async function interaction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  isPost: boolean,
) {
  const details = await provider.interactionDetails(req, res);
  const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
  // Like Okta or Entra ID, the login the client hinted at is filled in; the person can still change it.
  if (!isPost)
    return sendHtml(res, 200, loginPage({ uid, clientId, username: loginOfHint(details.params.login_hint) }));
  const form = await readForm(req);
  const username = (form.get('username') ?? '').trim().toLowerCase();
  if (!DEV_USERS[username]) {
    return sendHtml(
      res,
      401,
      loginPage({ uid, clientId, username, error: 'Unknown user. Try alice, bob, vera or nora.' }),
    );
  }
  await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

/**
 * A real OpenID Connect provider for development and tests (docs/contracts.md "Dev users"): users alice, bob,
 * vera and nora, a labelled sign-in form, consent implied, PKCE required, groups in the ID token.
 */
export async function startDevIdp(options: StartDevIdpOptions): Promise<DevIdp> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const issuer = `http://${host}:${port}`;
  const provider = createProvider(issuer, options.clients);
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = INTERACTION.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match?.[1]) return void callback(req, res);
    interaction(provider, req, res, match[1], req.method === 'POST' && Boolean(match[2])).catch((error: unknown) => {
      // An expired or unknown interaction (e.g. a stale tab) is the user's to restart, not a crash.
      if (!res.headersSent)
        sendHtml(
          res,
          400,
          `<!doctype html><p>Sign-in expired: ${error instanceof Error ? error.name : 'error'}. Go back to the app and sign in again.</p>`,
        );
    });
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
