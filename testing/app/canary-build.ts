import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

import { withDirLock } from './dir-lock';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Git-ignored; the copies live inside the repo so Next finds node_modules and the lockfile above them. */
const WORK_DIR = path.join(REPO_ROOT, '.dev', 'test-build');
/** Builds of earlier source states kept (a server started from one may still be running). */
const KEEP_BUILDS = 3;

/** What goes into the production build; tests, e2e, the simulator and tooling do not. */
const SOURCE_DIRS = ['app', 'components', 'lib', 'public'];
const ROOT_FILES = [
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'instrumentation.ts',
  'proxy.ts',
  'middleware.ts',
  'next-env.d.ts',
];
const isTest = (file: string) => /\.(test|spec)\.tsx?$/.test(file);

/** The secret values the build was made with: none of them may show up in what the browser can load. */
export interface Canaries {
  sessionSecret: string;
  oidcClientSecret: string;
  /** PEM of a throwaway RSA key given as FIREBLOCKS_SECRET_KEY. */
  fireblocksSecretKeyPem: string;
}

export interface CanaryBuild {
  /** The project copy `next start` runs in. */
  projectDir: string;
  /** Its `.next`. */
  distDir: string;
  canaries: Canaries;
}

function sourceFiles(): string[] {
  const out: string[] = ROOT_FILES.filter((f) => existsSync(path.join(REPO_ROOT, f)));
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !isTest(entry.name)) out.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(REPO_ROOT, dir))) walk(dir);
  return out.sort();
}

function hashOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(path.join(REPO_ROOT, f)))
      .update('\0');
  return hash.digest('hex');
}

function makeCanaries(): Canaries {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    sessionSecret: `canary-session-${randomBytes(24).toString('hex')}`,
    oidcClientSecret: `canary-oidc-${randomBytes(24).toString('hex')}`,
    fireblocksSecretKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The app's environment, with secrets only the build (and these tests) know. */
function buildEnv(c: Canaries, appUrl: string): Record<string, string> {
  return {
    FIREBLOCKS_BASE_URL: 'http://127.0.0.1:9/v1',
    FIREBLOCKS_API_KEY: randomUUID(),
    FIREBLOCKS_SECRET_KEY: c.fireblocksSecretKeyPem,
    OIDC_ISSUER: 'http://127.0.0.1:9',
    OIDC_CLIENT_ID: 'cosigner-console-canary',
    OIDC_CLIENT_SECRET: c.oidcClientSecret,
    SESSION_SECRET: c.sessionSecret,
    APP_URL: appUrl,
  };
}

/** The caller's environment without anything the app reads, so the shell cannot leak into the build. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) {
    if (
      /^(FIREBLOCKS_|OIDC_|SESSION_SECRET|APP_URL|ADMIN_GROUPS|VIEWER_GROUPS|CHANGE_|DATABASE_URL$|DATA_DIR$|NODE_ENV$|PORT$|NEXT_DIST_DIR$|TEST_)/.test(
        name,
      )
    )
      delete env[name];
  }
  return { ...env, ...extra };
}

/**
 * A production build of the current sources, made in a private copy of the project so it never races a teammate's
 * `next build` / `next start` on the shared `.next`. Each source state gets its own directory
 * (.dev/test-build/<hash>/project), never rebuilt in place, so a server started from it keeps working while the
 * sources move on. Built with canary secrets, reused while the sources are unchanged, serialised across test
 * workers and processes by a directory lock.
 */
export async function ensureCanaryBuild(): Promise<CanaryBuild> {
  mkdirSync(WORK_DIR, { recursive: true });
  return withDirLock(path.join(WORK_DIR, 'lock'), async () => {
    const files = sourceFiles();
    const hash = hashOf(files).slice(0, 16);
    const buildDir = path.join(WORK_DIR, hash);
    const projectDir = path.join(buildDir, 'project');
    const distDir = path.join(projectDir, '.next');
    const stampFile = path.join(buildDir, 'build-stamp.json');
    if (existsSync(stampFile) && existsSync(path.join(distDir, 'BUILD_ID'))) {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { canaries: Canaries };
      // Marks it recently used, so pruning keeps it.
      utimesSync(buildDir, new Date(), new Date());
      return { projectDir, distDir, canaries: stamp.canaries };
    }
    rmSync(buildDir, { recursive: true, force: true });
    // The lockfile stays behind (it is only hashed): with one lockfile, Next takes the repo as the workspace root.
    for (const f of files) if (f !== 'package-lock.json') cpSync(path.join(REPO_ROOT, f), path.join(projectDir, f));
    const canaries = makeCanaries();
    const logFile = path.join(buildDir, 'build.log');
    const { code, output } = await run(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        cwd: projectDir,
        env: cleanEnv(buildEnv(canaries, 'http://127.0.0.1:3400')),
      },
    );
    writeFileSync(logFile, output);
    if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${logFile}:\n${output.slice(-3000)}`);
    writeFileSync(stampFile, JSON.stringify({ canaries, builtAt: new Date().toISOString() }));
    pruneOldBuilds();
    return { projectDir, distDir, canaries };
  });
}

function pruneOldBuilds(): void {
  const builds = readdirSync(WORK_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
    .map((e) => ({ dir: path.join(WORK_DIR, e.name), at: statSync(path.join(WORK_DIR, e.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_BUILDS)) rmSync(old.dir, { recursive: true, force: true });
}

/** Runs a command to completion without blocking the test worker, collecting its output. */
function run(
  command: string,
  args: string[],
  o: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: o.cwd, env: o.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('close', (code) => resolve({ code, output }));
    child.once('error', (e) => resolve({ code: null, output: output + String(e) }));
  });
}
