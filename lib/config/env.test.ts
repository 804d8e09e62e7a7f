import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeTestCa } from '@/testing/upstream/tls-servers';

import { ConfigError, parseConfig, parseDatabaseConfig, parseMetricsToken } from './env';

const complete = {
  NODE_ENV: 'production',
  FIREBLOCKS_BASE_URL: 'https://sandbox-api.fireblocks.io/v1/',
  FIREBLOCKS_API_KEY: '0d3a1c3e-4a59-4f7e-9a0f-3f0f2b9a8c11',
  FIREBLOCKS_SECRET_KEY: '-----BEGIN PRIVATE KEY-----\nnot-checked-here\n-----END PRIVATE KEY-----\n',
  OIDC_ISSUER: 'https://login.example.com',
  OIDC_CLIENT_ID: 'console',
  OIDC_CLIENT_SECRET: 'client-secret',
  SESSION_SECRET: 'x'.repeat(32),
  APP_URL: 'https://console.example.com',
};

const problemsOf = (env: Record<string, string | undefined>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('reads a complete production configuration', () => {
    const c = parseConfig(complete);
    expect(c.production).toBe(true);
    expect(c.fireblocks.baseUrl).toBe('https://sandbox-api.fireblocks.io/v1');
    expect(c.fireblocks.simulated).toBe(false);
    expect(c.roles).toEqual({ adminGroups: ['console-admins'], viewerGroups: ['console-viewers'] });
    expect(c.oidc.groupsClaim).toBe('groups');
  });

  it('names every missing variable at once, treating empty as missing', () => {
    const message = problemsOf({ NODE_ENV: 'production', FIREBLOCKS_API_KEY: ' ' });
    for (const name of [
      'FIREBLOCKS_BASE_URL',
      'FIREBLOCKS_API_KEY',
      'OIDC_ISSUER',
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'SESSION_SECRET',
      'APP_URL',
    ]) {
      expect(message).toContain(`${name}: is missing`);
    }
    expect(message).toContain('FIREBLOCKS_SECRET_KEY_PATH');
  });

  it('refuses a short session secret and a plain-http public origin in production', () => {
    expect(problemsOf({ ...complete, SESSION_SECRET: 'short' })).toContain(
      'SESSION_SECRET: must be at least 32 characters',
    );
    expect(problemsOf({ ...complete, APP_URL: 'http://console.example.com' })).toContain('APP_URL: must be https');
  });

  it('refuses a plain-http Fireblocks upstream in production, except the loopback simulator', () => {
    expect(problemsOf({ ...complete, FIREBLOCKS_BASE_URL: 'http://sandbox-api.fireblocks.io/v1' })).toContain(
      'FIREBLOCKS_BASE_URL: must be https in production',
    );
    // Both insecure origins are named at once.
    const both = problemsOf({
      ...complete,
      FIREBLOCKS_BASE_URL: 'http://10.0.0.5/v1',
      APP_URL: 'http://console.example.com',
    });
    expect(both).toMatch(/APP_URL: must be https[\s\S]*FIREBLOCKS_BASE_URL: must be https/);
    for (const url of ['http://127.0.0.1:4010/v1', 'http://localhost:4010/v1', 'http://[::1]:4010/v1']) {
      expect(parseConfig({ ...complete, FIREBLOCKS_BASE_URL: url }).fireblocks.simulated).toBe(true);
    }
    // Outside production (npm run dev against some other local upstream) plain http is the developer's call.
    expect(
      parseConfig({ ...complete, NODE_ENV: 'development', FIREBLOCKS_BASE_URL: 'http://10.0.0.5/v1' }).fireblocks
        .baseUrl,
    ).toBe('http://10.0.0.5/v1');
  });

  it('refuses a plain-http OIDC_ISSUER in production, on loopback too unless Fireblocks is the loopback simulator', () => {
    const message = 'OIDC_ISSUER: must be https in production';
    // The any-password dev IdP on loopback, in front of a real workspace: refused.
    expect(problemsOf({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:4011' })).toContain(message);
    expect(problemsOf({ ...complete, OIDC_ISSUER: 'http://localhost:4011' })).toContain(message);
    expect(problemsOf({ ...complete, OIDC_ISSUER: 'http://login.example.com' })).toContain(message);
    // In front of the loopback simulator (the production-build tests and demos): accepted.
    const demo = { ...complete, FIREBLOCKS_BASE_URL: 'http://127.0.0.1:4010/v1' };
    expect(parseConfig({ ...demo, OIDC_ISSUER: 'http://127.0.0.1:4011' }).oidc.issuer).toBe('http://127.0.0.1:4011');
    expect(problemsOf({ ...demo, OIDC_ISSUER: 'http://login.example.com' })).toContain(message);
    // https is https wherever it is; outside production plain http is the developer's call.
    expect(parseConfig({ ...complete, OIDC_ISSUER: 'https://127.0.0.1:8443' }).oidc.issuer).toBe(
      'https://127.0.0.1:8443',
    );
    expect(parseConfig({ ...complete, NODE_ENV: 'development', OIDC_ISSUER: 'http://127.0.0.1:4011' }).production).toBe(
      false,
    );
  });

  it('reads the key from a file and never puts the file in an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cc-env-'));
    const file = path.join(dir, 'key.pem');
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    writeFileSync(file, pem);
    const { FIREBLOCKS_SECRET_KEY: _unused, ...withoutKey } = complete;
    expect(parseConfig({ ...withoutKey, FIREBLOCKS_SECRET_KEY_PATH: file }).fireblocks.secretKeyPem).toBe(pem);
    expect(problemsOf({ ...withoutKey, FIREBLOCKS_SECRET_KEY_PATH: path.join(dir, 'absent.pem') })).toMatch(
      /FIREBLOCKS_SECRET_KEY_PATH: cannot read the file$/,
    );
  });

  it('marks a loopback upstream as the simulator and splits group lists', () => {
    const c = parseConfig({
      ...complete,
      NODE_ENV: 'development',
      FIREBLOCKS_BASE_URL: 'http://127.0.0.1:4010/v1',
      ADMIN_GROUPS: ' a, b ,,',
      APP_URL: 'http://localhost:3000',
    });
    expect(c.fireblocks.simulated).toBe(true);
    expect(c.roles.adminGroups).toEqual(['a', 'b']);
  });

  it('reads CHANGE_APPROVALS (default 1), CHANGE_TTL (default 24h) and STEP_UP_MAX_AGE (default 300), refusing anything else', () => {
    expect(parseConfig(complete).changes).toEqual({ approvals: 1, ttlMs: 24 * 3_600_000, stepUpMaxAgeSeconds: 300 });
    expect(
      parseConfig({ ...complete, CHANGE_APPROVALS: '0', CHANGE_TTL: '30m', STEP_UP_MAX_AGE: '60' }).changes,
    ).toEqual({ approvals: 0, ttlMs: 30 * 60_000, stepUpMaxAgeSeconds: 60 });
    expect(parseConfig({ ...complete, CHANGE_TTL: '7d' }).changes.ttlMs).toBe(7 * 86_400_000);
    // Seconds are for tests of expiry; nobody approves within them.
    expect(parseConfig({ ...complete, CHANGE_TTL: '2s' }).changes.ttlMs).toBe(2_000);
    expect(problemsOf({ ...complete, CHANGE_APPROVALS: '2' })).toContain('CHANGE_APPROVALS: must be 0');
    for (const ttl of ['24', '1.5h', '0s', 'soon'])
      expect(problemsOf({ ...complete, CHANGE_TTL: ttl })).toContain('CHANGE_TTL: must be a duration');
    for (const age of ['29', '86401', '1.5', 'five'])
      expect(problemsOf({ ...complete, STEP_UP_MAX_AGE: age })).toContain('STEP_UP_MAX_AGE: must be');
  });

  it('reads WATCH_INTERVAL: default 60s, 0 turns watching off, a duration of at least a second otherwise', () => {
    expect(parseConfig(complete).watch).toEqual({ intervalMs: 60_000 });
    expect(parseConfig({ ...complete, WATCH_INTERVAL: '0' }).watch).toEqual({ intervalMs: 0 });
    expect(parseConfig({ ...complete, WATCH_INTERVAL: '2s' }).watch).toEqual({ intervalMs: 2_000 });
    expect(parseConfig({ ...complete, WATCH_INTERVAL: '5m' }).watch).toEqual({ intervalMs: 300_000 });
    for (const interval of ['60', 'off', '-1s', '0s', '1.5m'])
      expect(problemsOf({ ...complete, WATCH_INTERVAL: interval })).toContain('WATCH_INTERVAL: must be 0 (off)');
  });

  it('reads NOTIFY_WEBHOOK_URL: optional, https in production except on loopback, never echoed', () => {
    expect(parseConfig(complete).notify).toEqual({ webhookUrl: null });
    const slack = 'https://hooks.slack.com/services/T000/B000/secret-token-123';
    expect(parseConfig({ ...complete, NOTIFY_WEBHOOK_URL: slack }).notify.webhookUrl?.href).toBe(slack);
    expect(parseConfig({ ...complete, NOTIFY_WEBHOOK_URL: 'http://127.0.0.1:7/hook' }).notify.webhookUrl?.port).toBe(
      '7',
    );
    const dev = { ...complete, NODE_ENV: 'development' };
    expect(parseConfig({ ...dev, NOTIFY_WEBHOOK_URL: 'http://relay.internal/hook' }).notify.webhookUrl?.host).toBe(
      'relay.internal',
    );
    const plain = problemsOf({ ...complete, NOTIFY_WEBHOOK_URL: 'http://hooks.example.com/services/secret-token-123' });
    expect(plain).toContain('NOTIFY_WEBHOOK_URL: must be https in production');
    for (const bad of ['hooks.slack.com/services/secret-token-123', 'ftp://x.example/secret-token-123']) {
      const message = problemsOf({ ...complete, NOTIFY_WEBHOOK_URL: bad });
      expect(message).toContain('NOTIFY_WEBHOOK_URL: must be an http(s) URL');
      expect(message).not.toContain('secret-token-123');
    }
    expect(plain).not.toContain('secret-token-123');
  });

  it('reads PREFLIGHT (default block) and PREFLIGHT_CA_FILE, refusing a file that is not CA certificates', async () => {
    expect(parseConfig(complete).preflight).toEqual({ mode: 'block', extraCaPems: [] });
    expect(parseConfig({ ...complete, PREFLIGHT: 'warn' }).preflight.mode).toBe('warn');
    expect(parseConfig({ ...complete, PREFLIGHT: 'off' }).preflight.mode).toBe('off');
    expect(problemsOf({ ...complete, PREFLIGHT: 'strict' })).toContain('PREFLIGHT: must be block');

    const dir = mkdtempSync(path.join(tmpdir(), 'preflight-ca-'));
    const file = (name: string, text: string) => {
      const at = path.join(dir, name);
      writeFileSync(at, text);
      return at;
    };
    const ca = await makeTestCa();
    const other = await makeTestCa('Second CA');
    const bundle = file('bundle.pem', `# ours\n${ca.certPem}${other.certPem}`);
    expect(parseConfig({ ...complete, PREFLIGHT_CA_FILE: bundle }).preflight.extraCaPems).toEqual([
      ca.certPem,
      other.certPem,
    ]);
    expect(problemsOf({ ...complete, PREFLIGHT_CA_FILE: path.join(dir, 'missing.pem') })).toContain(
      'PREFLIGHT_CA_FILE: cannot read the file',
    );
    expect(problemsOf({ ...complete, PREFLIGHT_CA_FILE: file('empty.pem', 'nothing') })).toContain(
      'PREFLIGHT_CA_FILE: holds no PEM certificate',
    );
    expect(problemsOf({ ...complete, PREFLIGHT_CA_FILE: file('key.pem', `${ca.certPem}${ca.keyPem}`) })).toContain(
      'PREFLIGHT_CA_FILE: holds a private key',
    );
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(problemsOf({ ...complete, PREFLIGHT_CA_FILE: file('broken.pem', `${ca.certPem}${broken}`) })).toContain(
      'PREFLIGHT_CA_FILE: certificate 2 cannot be read',
    );
  });
});

describe('parseDatabaseConfig', () => {
  it('defaults to the embedded SQLite file under .data/ of the working directory', () => {
    expect(parseDatabaseConfig({ DATABASE_URL: ' ' }, '/srv/console')).toEqual({
      databaseUrl: undefined,
      dataDir: '/srv/console/.data',
    });
    expect(parseDatabaseConfig({ DATA_DIR: '/var/lib/console' }, '/srv/console').dataDir).toBe('/var/lib/console');
  });

  it('takes a PostgreSQL URL and refuses any other, without echoing it', () => {
    expect(parseDatabaseConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/console' }).databaseUrl).toBe(
      'postgresql://u:p@db:5432/console',
    );
    const refusal = (() => {
      try {
        parseDatabaseConfig({ DATABASE_URL: 'mysql://u:secret@db/console' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as Error).message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect((refusal as Error).message).not.toContain('secret');
  });
});

describe('parseMetricsToken', () => {
  it('is off when unset or empty, the token when long enough, and refuses a short one without printing it', () => {
    expect(parseMetricsToken({})).toBeUndefined();
    expect(parseMetricsToken({ METRICS_TOKEN: '  ' })).toBeUndefined();
    expect(parseMetricsToken({ METRICS_TOKEN: 'a'.repeat(16) })).toBe('a'.repeat(16));
    const short = (() => {
      try {
        parseMetricsToken({ METRICS_TOKEN: 'short-secret' });
      } catch (e) {
        return e;
      }
    })();
    expect(short).toBeInstanceOf(ConfigError);
    expect((short as Error).message).toContain('METRICS_TOKEN: must be at least 16 characters');
    expect((short as Error).message).not.toContain('short-secret');
  });
});
