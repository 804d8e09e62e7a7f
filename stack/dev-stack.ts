import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import type { Simulator } from '../sim/index';
import { APP_KEEP_ALIVE_MS } from './keep-alive';
import { ensureDevKeys } from './dev-keys';
import { spawnManaged, type ManagedChild } from './child';
import { assertPortFree } from './port-free';
import { APP_ENV_NAMES, resolveStackEnv } from './resolve-env';
import { waitForHttp } from './wait-http';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** Where next.config.js sends a build made with BENCH_BUILD=1 (git-ignored; the same path is written there). */
const BENCH_DIST_DIR = path.join('test-results', 'bench', 'next');

export interface StartStackOptions {
  /**
   * `dev`: `next dev` with hot reload. `prod`: `next start` on an existing `next build`. `standalone`: `node server.js`
   * in `standaloneDir` (a copy of the build's standalone output laid out as the Dockerfile does), as the image runs it.
   */
  mode: 'dev' | 'prod' | 'standalone';
  standaloneDir?: string;
  appPort: number;
  simPort: number;
  idpPort: number;
  /** The configuration the caller chose; only unset names get the embedded defaults. Pass `{}` for none. */
  env: Record<string, string | undefined>;
  /** Simulator knobs (ignored when FIREBLOCKS_BASE_URL points elsewhere). */
  sim?: { seed?: number; delays?: { approveMs: number; completeMs: number } };
  /** `next dev`'s bundler: Turbopack (Next's default) unless `webpack` is asked for. Ignored in `prod`. */
  devBundler?: 'turbopack' | 'webpack';
  /** Where the app's output goes: this terminal, or a log file. */
  appOutput?: 'inherit' | { file: string };
  readyTimeoutMs?: number;
}

export interface Stack {
  appUrl: string;
  /** The embedded simulator's origin (its `/_sim/*` control routes live here), when it runs. */
  simUrl?: string;
  simulator?: Simulator;
  /** The embedded dev IdP's issuer, when it runs. */
  idpUrl?: string;
  /** Seals session cookies; for tests that forge sessions. Never printed. */
  sessionSecret: string;
  /** The app's full configuration (contains secrets: never print it). */
  appEnv: Record<string, string>;
  app: ManagedChild;
  close(): Promise<void>;
}

/**
 * Starts the simulator and dev IdP (each only if its variable is unset) in this process, then the app as a child
 * process with a complete configuration, and waits until the app answers. `close()` stops all three.
 */
export async function startStack(o: StartStackOptions): Promise<Stack> {
  // The bench's own build (BENCH_BUILD=1) lives where next.config.js puts it.
  const distDir = o.env.BENCH_BUILD === '1' ? BENCH_DIST_DIR : '.next';
  if (o.mode === 'prod' && !existsSync(path.join(REPO_ROOT, distDir, 'BUILD_ID'))) {
    throw new Error('startStack(prod) needs a production build: run `npx next build` first');
  }
  if (o.mode === 'standalone' && !existsSync(path.join(o.standaloneDir ?? '', 'server.js'))) {
    throw new Error('startStack(standalone) needs a standalone folder with server.js (stack/standalone.ts)');
  }
  const resolved = resolveStackEnv({
    env: o.env,
    appPort: o.appPort,
    simPort: o.simPort,
    idpPort: o.idpPort,
    devKeys: () => ensureDevKeys(),
    randomSecret: () => randomBytes(32).toString('base64url'),
  });
  if (resolved.problems.length > 0) throw new Error(`Cannot start the stack:\n  - ${resolved.problems.join('\n  - ')}`);
  const { appEnv } = resolved;
  await assertPortFree(o.appPort, 'the app');

  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c().catch(() => undefined);
  };
  try {
    let simulator: Simulator | undefined;
    if (resolved.sim) {
      // Loaded only when embedded: pointing at real services loads neither the simulator nor oidc-provider.
      const { startSimulator } = await import('../sim/index');
      simulator = await startSimulator({
        port: resolved.sim.port,
        host: '127.0.0.1',
        // Named as the console: its changes show in the simulator's audit log under this name.
        apiUsers: [{ ...resolved.sim.apiUser, name: 'Cosigner Console' }],
        ...o.sim,
      });
      closers.push(() => simulator!.close());
      appEnv.FIREBLOCKS_BASE_URL = simulator.baseUrl;
    }
    let idpUrl: string | undefined;
    if (resolved.idp) {
      const { startDevIdp } = await import('../idp/index');
      const idp = await startDevIdp({ port: resolved.idp.port, clients: [resolved.idp.client] });
      closers.push(() => idp.close());
      idpUrl = idp.issuer;
      appEnv.OIDC_ISSUER = idp.issuer;
    }
    const app = startApp(o, appEnv);
    closers.push(() => app.stop());
    await waitForHttp({
      url: new URL('/api/health', appEnv.APP_URL).toString(),
      timeoutMs: o.readyTimeoutMs ?? 180_000,
      // Any answer below 500 means the server is up (a dev server compiles routes on first request).
      ready: (status) => status < 500,
      abort: app.exited,
    });
    return {
      appUrl: appEnv.APP_URL ?? '',
      simUrl: simulator?.url,
      simulator,
      idpUrl,
      sessionSecret: appEnv.SESSION_SECRET ?? '',
      appEnv,
      app,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function startApp(o: StartStackOptions, appEnv: Record<string, string>): ManagedChild {
  // The child gets exactly the stack's configuration: nothing app-related leaks in from the caller's shell.
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...APP_ENV_NAMES, 'NODE_ENV', 'PORT', 'HOSTNAME']) delete inherited[name];
  if (o.mode === 'standalone') {
    // Exactly the image's CMD ["node", "server.js"]: the port and the interface come from PORT and HOSTNAME.
    return spawnManaged({
      name: 'node server.js (standalone)',
      command: process.execPath,
      args: ['server.js'],
      cwd: o.standaloneDir,
      env: {
        ...inherited,
        ...appEnv,
        PORT: String(o.appPort),
        HOSTNAME: '127.0.0.1',
        KEEP_ALIVE_TIMEOUT: String(APP_KEEP_ALIVE_MS),
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      output: o.appOutput ?? 'inherit',
    });
  }
  const nextBin = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  return spawnManaged({
    name: `next ${o.mode === 'dev' ? 'dev' : 'start'}`,
    command: process.execPath,
    // Loopback only, like the simulator and the dev IdP: next's default (every interface) would put a console
    // with an any-password IdP on the network. APP_URL keeps saying localhost, which resolves here.
    args: [
      nextBin,
      o.mode === 'dev' ? 'dev' : 'start',
      ...(o.mode === 'dev' && o.devBundler === 'webpack' ? ['--webpack'] : []),
      ...(o.mode === 'dev' ? [] : ['--keepAliveTimeout', String(APP_KEEP_ALIVE_MS)]),
      '--port',
      String(o.appPort),
      '--hostname',
      '127.0.0.1',
    ],
    cwd: REPO_ROOT,
    // `next start` as `npm start` runs it: SIGTERM drains the app (lib/lifecycle/drain.ts).
    env: {
      ...inherited,
      ...appEnv,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(o.mode === 'dev' ? {} : { NEXT_MANUAL_SIG_HANDLE: '1' }),
    },
    output: o.appOutput ?? 'inherit',
  });
}
