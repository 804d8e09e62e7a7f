import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';

import { startSimulator, type Delays, type Simulator } from '@/sim/index';

export interface SimulatedUpstream {
  sim: Simulator;
  /** The SESSION_SECRET in `appEnv`: what the app seals session cookies with. */
  sessionSecret: string;
  /**
   * The app's configuration against this simulator: Fireblocks as its API user (a key generated here), an IdP the
   * API routes never reach (sign-in is not what these suites exercise), and the session secret.
   */
  appEnv: Record<string, string>;
}

/** The simulator a suite's own `next start` talks to, on a random port, with a freshly generated API user. */
export async function startSimulatedUpstream(o: { delays: Delays; oidcClientId: string }): Promise<SimulatedUpstream> {
  const apiKey = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sessionSecret = randomBytes(32).toString('base64url');
  const sim = await startSimulator({
    port: 0,
    apiUsers: [{ apiKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
    delays: o.delays,
  });
  return {
    sim,
    sessionSecret,
    appEnv: {
      FIREBLOCKS_BASE_URL: sim.baseUrl,
      FIREBLOCKS_API_KEY: apiKey,
      FIREBLOCKS_SECRET_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: o.oidcClientId,
      OIDC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      SESSION_SECRET: sessionSecret,
    },
  };
}
