import 'server-only';

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

/**
 * The one place that reads `process.env`. Parsed once, lazily, so `next build` does not need secrets,
 * and a production start with anything missing fails on first use with a message naming every gap.
 * Embedded defaults (simulator, dev IdP) are filled in by `npm run dev` / the test runner, never here.
 */
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const str = () => z.preprocess(emptyAsUndefined, z.string());
const optStr = () => z.preprocess(emptyAsUndefined, z.string().optional());
const groups = (fallback: string) =>
  z.preprocess(emptyAsUndefined, z.string().default(fallback)).transform((v) =>
    v
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
  );

const DURATION_UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `2s`, `30m`, `24h`, `7d` -> milliseconds; undefined for anything else or under a second. */
function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,6})([smhd])$/.exec(text.trim());
  const ms = m ? Number(m[1]) * (DURATION_UNIT_MS[m[2] ?? ''] ?? 0) : 0;
  return ms >= 1_000 ? ms : undefined;
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  FIREBLOCKS_BASE_URL: str().pipe(z.url()),
  FIREBLOCKS_API_KEY: str().pipe(z.string().min(1)),
  FIREBLOCKS_SECRET_KEY_PATH: optStr(),
  FIREBLOCKS_SECRET_KEY: optStr(),
  OIDC_ISSUER: str().pipe(z.url()),
  OIDC_CLIENT_ID: str(),
  OIDC_CLIENT_SECRET: str(),
  OIDC_GROUPS_CLAIM: z.preprocess(emptyAsUndefined, z.string().default('groups')),
  ADMIN_GROUPS: groups('console-admins'),
  VIEWER_GROUPS: groups('console-viewers'),
  SESSION_SECRET: str().pipe(z.string().min(32, 'must be at least 32 characters')),
  APP_URL: str().pipe(z.url()),
  CHANGE_APPROVALS: z.preprocess(
    emptyAsUndefined,
    z.enum(['0', '1'], { error: 'must be 0 (changes are sent at once) or 1 (a second admin approves)' }).default('1'),
  ),
  CHANGE_TTL: z.preprocess(emptyAsUndefined, z.string().default('24h')).transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined)
      ctx.addIssue({ code: 'custom', message: 'must be a duration like 30m, 24h or 7d (at least 1s)' });
    return ms ?? 0;
  }),
  FIREBLOCKS_READ_BUDGET: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a whole number of reads a minute' })
      .int('must be a whole number of reads a minute')
      .min(0, 'must be 0 (no budget) or more')
      .default(600),
  ),
  WATCH_INTERVAL: z.preprocess(emptyAsUndefined, z.string().default('60s')).transform((v, ctx) => {
    if (v.trim() === '0') return 0;
    const ms = parseDuration(v);
    if (ms === undefined)
      ctx.addIssue({ code: 'custom', message: 'must be 0 (off) or a duration like 30s or 5m (at least 1s)' });
    return ms ?? 0;
  }),
  STEP_UP_MAX_AGE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(30, 'must be at least 30 (seconds): a sign-in round trip takes some')
      .max(86_400, 'must be at most 86400 (a day)')
      .default(300),
  ),
  TRUSTED_PROXY_HOPS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a whole number of proxies' })
      .int('must be a whole number of proxies')
      .min(0, 'must be 0 (no proxy in front) or more')
      .max(10, 'must be at most 10')
      .default(0),
  ),
  PREFLIGHT: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['block', 'warn', 'off'], {
        error: 'must be block (a failing check refuses the approval), warn (shown only) or off',
      })
      .default('block'),
  ),
  PREFLIGHT_CA_FILE: optStr(),
});

export interface AppConfig {
  production: boolean;
  fireblocks: {
    baseUrl: string;
    apiKey: string;
    secretKeyPem: string;
    simulated: boolean;
    /** FIREBLOCKS_READ_BUDGET: reads a minute people's views may cause on this replica (0: no budget). */
    readBudgetPerMinute: number;
  };
  oidc: { issuer: string; clientId: string; clientSecret: string; groupsClaim: string };
  roles: { adminGroups: string[]; viewerGroups: string[] };
  sessionSecret: string;
  appUrl: URL;
  /**
   * Approvals a change needs before it is sent (0: sent at once; 1: a second admin approves), how long a change may
   * wait for one, and how recent the approver's sign-in at the IdP must be (OIDC `auth_time`, seconds).
   */
  changes: { approvals: 0 | 1; ttlMs: number; stepUpMaxAgeSeconds: number };
  /**
   * WATCH_INTERVAL in ms (0: watching is off). It also bounds how long the background worker takes to notice an open
   * change's move and to take over from a replica that died (lib/lifecycle/background-worker.ts).
   */
  watch: { intervalMs: number };
  /**
   * TRUSTED_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For; the client's
   * address is read that many entries from the right (lib/auth/client-address.ts). 0: none is trusted.
   */
  trustedProxyHops: number;
  /**
   * The check of a new handler's target before approval (docs/preflight.md): `block` refuses to approve a `fail`,
   * `warn` shows it only, `off` never probes. `extraCaPems`: PREFLIGHT_CA_FILE's certificates, trusted beside
   * Node's own CAs when a public-key handler's chain is verified.
   */
  preflight: { mode: 'block' | 'warn' | 'off'; extraCaPems: string[] };
  notify: NotifyConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MISSING = /received undefined$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses an environment record into the app's configuration, or throws a ConfigError naming every problem. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${MISSING.test(i.message) ? 'is missing' : i.message}`);
  // Checked apart from the schema so that it is reported together with every other gap.
  if (!emptyAsUndefined(env.FIREBLOCKS_SECRET_KEY_PATH) && !emptyAsUndefined(env.FIREBLOCKS_SECRET_KEY)) {
    lines.push('  - FIREBLOCKS_SECRET_KEY_PATH: is missing (or give the PEM text in FIREBLOCKS_SECRET_KEY)');
  }
  const notify = notifyConfigOf(env);
  if (typeof notify === 'string') lines.push(notify);
  const extraCaPems = preflightCasOf(env);
  if (typeof extraCaPems === 'string') lines.push(extraCaPems);
  if (!parsed.success || lines.length > 0 || typeof notify === 'string' || typeof extraCaPems === 'string') {
    throw new ConfigError(`Cosigner Console cannot start; fix its configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const secretKeyPem = e.FIREBLOCKS_SECRET_KEY ?? readSecretFile(e.FIREBLOCKS_SECRET_KEY_PATH ?? '');
  const appUrl = new URL(e.APP_URL);
  const fireblocksUrl = new URL(e.FIREBLOCKS_BASE_URL);
  const issuerUrl = new URL(e.OIDC_ISSUER);
  const production = e.NODE_ENV === 'production';
  const plainHttp = (url: URL) => production && url.protocol !== 'https:' && !LOOPBACK.has(url.hostname);
  const simulated = LOOPBACK.has(fireblocksUrl.hostname);
  const insecure = [
    ...(plainHttp(appUrl) ? ['  - APP_URL: must be https in production'] : []),
    // Signed API calls and workspace data would cross the network in clear; only the local simulator is exempt.
    ...(plainHttp(fireblocksUrl)
      ? ['  - FIREBLOCKS_BASE_URL: must be https in production (plain http only on loopback, for the simulator)']
      : []),
    // A plain-http issuer on loopback is the dev IdP (any password signs anyone in): in front of the simulator only.
    ...(production && issuerUrl.protocol !== 'https:' && (!LOOPBACK.has(issuerUrl.hostname) || !simulated)
      ? [
          '  - OIDC_ISSUER: must be https in production (plain http only on loopback, and only while FIREBLOCKS_BASE_URL is the loopback simulator)',
        ]
      : []),
  ];
  if (insecure.length > 0) {
    throw new ConfigError(`Cosigner Console cannot start; fix its configuration:\n${insecure.join('\n')}`);
  }
  return {
    production,
    fireblocks: {
      baseUrl: e.FIREBLOCKS_BASE_URL.replace(/\/+$/, ''),
      apiKey: e.FIREBLOCKS_API_KEY,
      secretKeyPem,
      // Real Fireblocks is never on loopback: a loopback upstream is the simulator, and the UI says so.
      simulated,
      readBudgetPerMinute: e.FIREBLOCKS_READ_BUDGET,
    },
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      groupsClaim: e.OIDC_GROUPS_CLAIM,
    },
    roles: { adminGroups: e.ADMIN_GROUPS, viewerGroups: e.VIEWER_GROUPS },
    sessionSecret: e.SESSION_SECRET,
    appUrl,
    changes: {
      approvals: e.CHANGE_APPROVALS === '0' ? 0 : 1,
      ttlMs: e.CHANGE_TTL,
      stepUpMaxAgeSeconds: e.STEP_UP_MAX_AGE,
    },
    watch: { intervalMs: e.WATCH_INTERVAL },
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    preflight: { mode: e.PREFLIGHT, extraCaPems },
    notify,
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * PREFLIGHT_CA_FILE: a PEM file of one or more CA certificates (a private CA the handlers' certificates chain to).
 * Read once at start, so a missing or unreadable file fails the start rather than every check. Returns the problem
 * line on a bad file.
 */
function preflightCasOf(env: Record<string, string | undefined>): string[] | string {
  const file = emptyAsUndefined(env.PREFLIGHT_CA_FILE);
  if (typeof file !== 'string') return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '  - PREFLIGHT_CA_FILE: cannot read the file';
  }
  if (/PRIVATE KEY/.test(text)) return '  - PREFLIGHT_CA_FILE: holds a private key; give the CA certificates only';
  const pems = text.match(PEM_CERTIFICATE) ?? [];
  if (pems.length === 0) return '  - PREFLIGHT_CA_FILE: holds no PEM certificate (-----BEGIN CERTIFICATE-----)';
  for (const [i, pem] of pems.entries()) {
    try {
      new X509Certificate(pem);
    } catch {
      return `  - PREFLIGHT_CA_FILE: certificate ${i + 1} cannot be read`;
    }
  }
  return pems.map((pem) => `${pem}\n`);
}

function readSecretFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // Name the variable, never the file's content.
    throw new ConfigError(
      `Cosigner Console cannot start; fix its configuration:\n  - FIREBLOCKS_SECRET_KEY_PATH: cannot read the file`,
    );
  }
}

/** Where change notifications go (lib/notify/); null when NOTIFY_WEBHOOK_URL is unset. */
export interface NotifyConfig {
  /** A secret (a Slack incoming-webhook URL carries its token in the path): never log it, nor put it in an error. */
  webhookUrl: URL | null;
}

/**
 * NOTIFY_WEBHOOK_URL: http(s), and https in production unless on loopback (a local relay). Returns the problem line
 * on a bad value, never naming the value.
 */
function notifyConfigOf(env: Record<string, string | undefined>): NotifyConfig | string {
  const text = emptyAsUndefined(env.NOTIFY_WEBHOOK_URL);
  if (typeof text !== 'string') return { webhookUrl: null };
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    return '  - NOTIFY_WEBHOOK_URL: must be an http(s) URL (its value is not shown: it may hold a token)';
  const production = env.NODE_ENV === 'production';
  if (production && url.protocol !== 'https:' && !LOOPBACK.has(url.hostname))
    return '  - NOTIFY_WEBHOOK_URL: must be https in production (plain http only on loopback)';
  return { webhookUrl: url };
}

/**
 * The notification target of this process, read once and apart from getConfig() so that the change functions can
 * ask whether to notify without needing the rest of the configuration (their unit tests have none). The start-up
 * check (parseConfig) reports a bad value together with every other problem.
 */
export function getNotifyConfig(): NotifyConfig {
  if (!cachedNotify) {
    const notify = notifyConfigOf(process.env);
    if (typeof notify === 'string')
      throw new ConfigError(`Cosigner Console cannot start; fix its configuration:\n${notify}`);
    cachedNotify = notify;
  }
  return cachedNotify;
}

let cachedNotify: NotifyConfig | undefined;
let cached: AppConfig | undefined;

/** The validated configuration of this process, read once. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * Where the console keeps its own data. Apart from the app's configuration so that `npm run db:migrate` and
 * `npm run audit:verify` need no Fireblocks or OIDC settings.
 */
export interface DatabaseConfig {
  /** A `postgres://` or `postgresql://` URL; unset means the embedded SQLite file. */
  databaseUrl?: string;
  /** The folder of the embedded SQLite file `console.db`, absolute. */
  dataDir: string;
}

const databaseEnvSchema = z.object({
  DATABASE_URL: optStr().refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite file)',
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
});

/** Parses the database settings, or throws a ConfigError naming what is wrong (never the URL: it may hold a password). */
export function parseDatabaseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): DatabaseConfig {
  const parsed = databaseEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cosigner Console cannot start; fix its configuration:\n${lines.join('\n')}`);
  }
  return { databaseUrl: parsed.data.DATABASE_URL, dataDir: path.resolve(cwd, parsed.data.DATA_DIR) };
}

let cachedDatabase: DatabaseConfig | undefined;

/** The database settings of this process, read once. */
export function getDatabaseConfig(): DatabaseConfig {
  cachedDatabase ??= parseDatabaseConfig(process.env);
  return cachedDatabase;
}

/**
 * Whether `next start` leaves SIGTERM and SIGINT to the app (NEXT_MANUAL_SIG_HANDLE, which Next.js reads itself):
 * only then can the app drain (lib/lifecycle/drain.ts); otherwise Next.js closes the listener at once on SIGTERM.
 */
export function signalsLeftToApp(): boolean {
  return emptyAsUndefined(process.env.NEXT_MANUAL_SIG_HANDLE) !== undefined;
}

const metricsEnvSchema = z.object({
  METRICS_TOKEN: optStr().refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
});

/**
 * The bearer token `/api/metrics` asks for; undefined (the default) turns the route off (404). Apart from the app's
 * configuration, like the database's, so a scrape never depends on the Fireblocks or OIDC settings loading.
 */
export function parseMetricsToken(env: Record<string, string | undefined>): string | undefined {
  const parsed = metricsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cosigner Console cannot start; fix its configuration:\n${lines.join('\n')}`);
  }
  return parsed.data.METRICS_TOKEN;
}

let cachedMetricsToken: { token: string | undefined } | undefined;

/** The metrics token of this process, read once. */
export function getMetricsToken(): string | undefined {
  cachedMetricsToken ??= { token: parseMetricsToken(process.env) };
  return cachedMetricsToken.token;
}
