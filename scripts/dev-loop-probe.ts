// Probe for the rare `next dev` reload loop (docs/dev-mode.md): starts fresh `npm run dev` sessions one after the
// other and reports, per session, what the HMR socket told two Chromium tabs to do.
//   npx tsx scripts/dev-loop-probe.ts [sessions] [--webpack] [--host=127.0.0.1]
// Each session deletes .next/ (Next's cache) and uses its own database and API key under test-results/, so a
// developer's .data/ and .dev/ are left alone. Ports: PROBE_APP_PORT, PROBE_SIM_PORT, PROBE_IDP_PORT
// (3960, 4960, 4961); the dev server's output goes to test-results/dev-loop-probe/session-N.log. One line of JSON
// per session on stdout; a session counts as looping when the tabs get more than two reload or restart orders while
// they sit still for 10 s, and as reloaded when the tab signed in loaded any document after its first /cosigners (the
// redirect back from sign-in, the page's first request) showed rows.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from '@playwright/test';

import { chromiumLaunchOptions } from '../testing/e2e/browser';
import { submitIdpLoginForm } from '../testing/e2e/idp-login';
import { ensureDevKeys } from '../stack/dev-keys';
import { APP_ENV_NAMES } from '../stack/resolve-env';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'test-results', 'dev-loop-probe');
const ports = {
  app: Number(process.env.PROBE_APP_PORT ?? 3960),
  sim: Number(process.env.PROBE_SIM_PORT ?? 4960),
  idp: Number(process.env.PROBE_IDP_PORT ?? 4961),
};
const args = process.argv.slice(2);
const sessions = Number(args.find((a) => /^\d+$/.test(a)) ?? 1);
const webpack = args.includes('--webpack');
const host = args.find((a) => a.startsWith('--host='))?.slice('--host='.length) ?? 'localhost';
const STILL_MS = 10_000;
const COMPILE_MS = 300_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

interface Event {
  atMs: number;
  kind: 'document' | 'reloadPage' | 'restart' | 'hmrVersion';
  detail: string;
}

/** Records the tab's document loads (CDP, main frame) and the HMR socket's reload orders and versions. */
async function watch(context: BrowserContext, page: Page, events: Event[], t0: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  cdp.on('Page.frameNavigated', (e) => {
    if (!e.frame.parentId) events.push({ atMs: Date.now() - t0, kind: 'document', detail: e.frame.url });
  });
  await cdp.send('Page.enable');
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.startsWith('/_next/')) return;
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const atMs = Date.now() - t0;
      if (payload.includes('"type":"reloadPage"')) events.push({ atMs, kind: 'reloadPage', detail: payload });
      if (payload.includes('"type":"restart"')) events.push({ atMs, kind: 'restart', detail: payload.slice(0, 300) });
      const version = /"hmrVersion":"(\d+)"/.exec(payload)?.[1];
      if (version) events.push({ atMs, kind: 'hmrVersion', detail: version });
    });
  });
}

async function stop(dev: ChildProcess): Promise<void> {
  // scripts/dev.ts stops next's own process group on SIGTERM and exits once next has (next writes its cache on the
  // way out, so .next/ can only be deleted after that).
  const exited = once(dev, 'exit');
  process.kill(-dev.pid!, 'SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  try {
    process.kill(-dev.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function probe(n: number): Promise<Record<string, unknown>> {
  // Next's detached telemetry flush may still be writing there: retry until it is gone.
  rmSync(path.join(ROOT, '.next'), { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  rmSync(path.join(WORK, 'data'), { recursive: true, force: true });
  const keys = ensureDevKeys({ dir: path.join(WORK, 'keys') });
  // What the dev server printed, kept per session: the first place to look when a session reloaded.
  mkdirSync(WORK, { recursive: true });
  const log = openSync(path.join(WORK, `session-${n}.log`), 'w');
  const t0 = Date.now();
  const dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', ...(webpack ? ['--webpack'] : [])], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...Object.fromEntries(APP_ENV_NAMES.map((name) => [name, ''])),
      FIREBLOCKS_API_KEY: keys.apiKey,
      FIREBLOCKS_SECRET_KEY_PATH: keys.privateKeyPath,
      DATA_DIR: path.join(WORK, 'data'),
      PORT: String(ports.app),
      SIM_PORT: String(ports.sim),
      IDP_PORT: String(ports.idp),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const events: Event[] = [];
  try {
    while (!(await portOpen(ports.app))) {
      if (Date.now() - t0 > COMPILE_MS) throw new Error('next dev never opened its port');
      await sleep(100);
    }
    // Both tabs open as soon as the port does, during the first compile, as a developer's browser would.
    const base = `http://${host}:${ports.app}`;
    const context = await browser.newContext({ baseURL: base });
    const [first, second] = [await context.newPage(), await context.newPage()];
    await watch(context, first, events, t0);
    await watch(context, second, events, t0);
    await Promise.all([first.goto('/', { timeout: COMPILE_MS }), second.goto('/', { timeout: COMPILE_MS })]);
    await first.getByRole('link', { name: 'Sign in' }).waitFor({ timeout: COMPILE_MS });
    const landingMs = Date.now() - t0;
    // Sign-in goes through localhost whatever the tabs use: the OIDC redirect (APP_URL) says localhost.
    const appUrl = `http://localhost:${ports.app}`;
    await first.goto(`${appUrl}/auth/login?returnTo=%2Fcosigners`, { timeout: COMPILE_MS });
    await submitIdpLoginForm(first, appUrl, 'alice');
    await first.getByRole('table', { name: 'Cosigners' }).getByRole('row').nth(1).waitFor({ timeout: COMPILE_MS });
    const cosignersMs = Date.now() - t0;
    const stillFrom = Date.now() - t0;
    // A reload clears what is set on window; a soft refresh (server component changes) keeps it.
    await first.evaluate(() => ((window as unknown as { __probeShown?: boolean }).__probeShown = true));
    await sleep(STILL_MS);
    const markKept = await first.evaluate(
      () => (window as unknown as { __probeShown?: boolean }).__probeShown === true,
    );
    const still = events.filter((e) => e.atMs >= stillFrom);
    const count = (list: Event[], kind: Event['kind']) => list.filter((e) => e.kind === kind).length;
    const orders = count(still, 'reloadPage') + count(still, 'restart');
    return {
      session: n,
      bundler: webpack ? 'webpack' : 'turbopack',
      host,
      landingMs,
      cosignersMs,
      reloadPage: count(events, 'reloadPage'),
      restart: count(events, 'restart'),
      documentsWhileStill: count(still, 'document'),
      ordersWhileStill: orders,
      hmrVersions: [...new Set(events.filter((e) => e.kind === 'hmrVersion').map((e) => e.detail))],
      looping: orders > 2,
      reloadedAfterRows: !markKept,
    };
  } catch (error) {
    return { session: n, error: String(error).slice(0, 300), events: events.slice(-10) };
  } finally {
    await browser.close();
    await stop(dev);
    closeSync(log);
  }
}

if (await portOpen(ports.app)) throw new Error(`port ${ports.app} is in use: stop the server there first`);
for (let n = 1; n <= sessions; n++) console.log(JSON.stringify(await probe(n)));
