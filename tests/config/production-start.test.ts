import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { cleanEnv, ensureCanaryBuild, REPO_ROOT } from '../../testing/app/canary-build';

/**
 * `next start` of the real production build with incomplete or wrong configuration must refuse to start, name what
 * is wrong, and never fall back to the simulator or print a secret.
 */
let projectDir: string;

beforeAll(async () => {
  const { TEST_BUILD_DIR } = process.env;
  projectDir = TEST_BUILD_DIR ? path.dirname(TEST_BUILD_DIR) : (await ensureCanaryBuild()).projectDir;
}, 600_000);

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const next = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Port 0: should it start after all, it binds nowhere in particular and the timeout below reports it.
  const child = spawn(process.execPath, [next, 'start', '-p', '0'], {
    cwd: projectDir,
    env: cleanEnv({ NODE_ENV: 'production', ...env }),
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, output });
    }, 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production start', () => {
  it('refuses to start without configuration and names every missing variable', async () => {
    const { code, output } = await start({});
    expect(code).toBe(1);
    for (const name of [
      'FIREBLOCKS_BASE_URL',
      'FIREBLOCKS_API_KEY',
      'FIREBLOCKS_SECRET_KEY_PATH',
      'OIDC_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'SESSION_SECRET',
      'APP_URL',
    ]) {
      expect(output).toContain(`${name}: is missing`);
    }
    expect(output).not.toMatch(/127\.0\.0\.1:4010/);
  });

  it('refuses a plain-http FIREBLOCKS_BASE_URL that is not loopback, naming it', async () => {
    const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const { code, output } = await start({
      FIREBLOCKS_BASE_URL: 'http://sandbox-api.fireblocks.io/v1',
      FIREBLOCKS_API_KEY: randomUUID(),
      FIREBLOCKS_SECRET_KEY: privatePem,
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 'client-secret-value',
      SESSION_SECRET: 's'.repeat(40),
      APP_URL: 'https://console.example.com',
    });
    expect(code).toBe(1);
    expect(output).toContain('FIREBLOCKS_BASE_URL: must be https in production');
    expect(output).not.toContain('client-secret-value');
  });

  it('refuses the loopback dev IdP (plain http) in front of a real Fireblocks workspace, naming OIDC_ISSUER', async () => {
    const privatePem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const { code, output } = await start({
      FIREBLOCKS_BASE_URL: 'https://sandbox-api.fireblocks.io/v1',
      FIREBLOCKS_API_KEY: randomUUID(),
      FIREBLOCKS_SECRET_KEY: privatePem,
      OIDC_ISSUER: 'http://127.0.0.1:4011',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 'client-secret-value',
      SESSION_SECRET: 's'.repeat(40),
      APP_URL: 'https://console.example.com',
    });
    expect(code).toBe(1);
    expect(output).toContain('OIDC_ISSUER: must be https in production');
    expect(output).not.toContain('client-secret-value');
  });

  it('refuses a secret key that is not an RSA private key, without printing it', async () => {
    const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const body = publicPem.split('\n')[1] ?? '';
    const { code, output } = await start({
      FIREBLOCKS_BASE_URL: 'https://sandbox-api.fireblocks.io/v1',
      FIREBLOCKS_API_KEY: randomUUID(),
      FIREBLOCKS_SECRET_KEY: publicPem,
      OIDC_ISSUER: 'https://login.example.com',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 'client-secret-value',
      SESSION_SECRET: 's'.repeat(40),
      APP_URL: 'https://console.example.com',
    });
    expect(code).toBe(1);
    expect(output).toContain('FIREBLOCKS_SECRET_KEY');
    expect(body.length).toBeGreaterThan(20);
    expect(output).not.toContain(body);
    expect(output).not.toContain('client-secret-value');
  });
});
