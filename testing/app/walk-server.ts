import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';

import { startDevIdp } from '@/idp/index';
import { REPO_ROOT } from '@/testing/app/canary-build';
import { startCanaryServer } from '@/testing/app/canary-server';

export interface WalkServer {
  appUrl: string;
  /** The app's SESSION_SECRET, to forge well-sealed but expired sessions. */
  sessionSecret: string;
  /** The app's DATA_DIR, where those sessions' rows go. */
  dataDir: string;
  close(): Promise<void>;
}

/** The route walk's own app port; override with ROUTE_WALK_PORT. */
const PORT = Number(process.env.ROUTE_WALK_PORT ?? 3100);

/**
 * The app to walk: the one the test runner started (TEST_APP_URL + TEST_SESSION_SECRET + TEST_DATA_DIR), else our own
 * `next start` of the shared production test build (testing/app/canary-build.ts) with a dev IdP.
 */
export async function startWalkServer(): Promise<WalkServer> {
  const { TEST_APP_URL, TEST_SESSION_SECRET, TEST_DATA_DIR } = process.env;
  if (TEST_APP_URL && TEST_SESSION_SECRET && TEST_DATA_DIR) {
    return {
      appUrl: TEST_APP_URL.replace(/\/+$/, ''),
      sessionSecret: TEST_SESSION_SECRET,
      dataDir: TEST_DATA_DIR,
      close: () => Promise.resolve(),
    };
  }
  const appUrl = `http://127.0.0.1:${PORT}`;
  // Another server on the port would answer the readiness probe with the wrong secret: refuse clearly instead.
  const busy = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${PORT} is already serving something; stop it or set ROUTE_WALK_PORT`);
  const clientSecret = randomBytes(16).toString('hex');
  const idp = await startDevIdp({
    port: 0,
    clients: [{ clientId: 'route-walk', clientSecret, redirectUris: [`${appUrl}/auth/callback`] }],
  });
  const sessionSecret = randomBytes(32).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const app = await startCanaryServer({
    name: 'next start (route walk)',
    port: PORT,
    env: {
      // Nothing upstream is ever reached: every request here must be refused before it.
      FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
      FIREBLOCKS_API_KEY: randomUUID(),
      FIREBLOCKS_SECRET_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'route-walk',
      OIDC_CLIENT_SECRET: clientSecret,
      SESSION_SECRET: sessionSecret,
    },
    logFile: path.join(REPO_ROOT, 'test-results', 'security', `app-${PORT}.log`),
  }).catch(async (error: unknown) => {
    await idp.close();
    throw error;
  });
  const close = async () => {
    await app.stop();
    await idp.close();
  };
  return { appUrl, sessionSecret, dataDir: app.dataDir, close };
}
