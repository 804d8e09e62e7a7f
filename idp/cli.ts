// npm run idp -- --port 4011 --client <id>:<secret>:<redirect_uri> [--client ...]
import { parseArgs } from 'node:util';

import { startDevIdp, type DevIdpClient } from './index';

const DEFAULT_CLIENT = 'cosigner-console-dev:dev-secret:http://localhost:3000/auth/callback';

/** `id:secret:redirect_uri`; the redirect URI keeps its own colons. Repeating an id adds redirect URIs. */
function parseClients(specs: string[]): DevIdpClient[] {
  const byId = new Map<string, DevIdpClient>();
  for (const spec of specs) {
    const match = /^([^:]+):([^:]+):(.+)$/.exec(spec);
    if (!match?.[1] || !match[2] || !match[3])
      throw new Error(`--client must be id:secret:redirect_uri, got "${spec}"`);
    const existing = byId.get(match[1]);
    // Sign-out returns to the landing page of the app that owns the redirect URI.
    const landing = new URL('/', match[3]).href;
    if (existing) {
      existing.redirectUris.push(match[3]);
      existing.postLogoutRedirectUris?.push(landing);
    } else
      byId.set(match[1], {
        clientId: match[1],
        clientSecret: match[2],
        redirectUris: [match[3]],
        postLogoutRedirectUris: [landing],
      });
  }
  return [...byId.values()];
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4011' },
    host: { type: 'string', default: '127.0.0.1' },
    client: { type: 'string', multiple: true, default: [DEFAULT_CLIENT] },
  },
});

const clients = parseClients(values.client);
const idp = await startDevIdp({ port: Number(values.port), host: values.host, clients });
console.log(
  `dev IdP at ${idp.issuer} for ${clients.map((c) => c.clientId).join(', ')} (users: alice, bob, vera, nora; any password)`,
);

const stop = () => void idp.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
