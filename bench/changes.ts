import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import pg from 'pg';

import { sessionCookie } from '@/lib/auth/cookies';
import { sealSessionId } from '@/lib/auth/session';
import { insertSession } from '@/lib/auth/session-store';
import type { ChangeActor } from '@/lib/change-model/actor-and-reason';
import { proposeChange } from '@/lib/changes/propose-change';
import { appendAuditEvent } from '@/lib/audit/append';
import { canonicalJson, GENESIS_HASH, hashOfCanonical } from '@/lib/audit/chain';
import { createDb, openSqliteConnection, type Db } from '@/lib/db/connect';
import { insertChange } from '@/lib/db/insert-change';
import { transaction } from '@/lib/db/transaction';
import { migrateToLatest } from '@/lib/db/migrate';
import { createFireblocksClient, type FireblocksClient } from '@/lib/fireblocks/client';
import { logger } from '@/lib/log/logger';
import { httpSend } from '@/lib/fireblocks/http-send';
import { PREFLIGHT_OFF } from '@/lib/preflight/preflight-policy';
import { rsaKeyPair } from '@/testing/fixtures/pem-fixtures';
import { startPostgres } from '@/testing/runner/postgres';
import { seedSummary } from '@/sim/seed';

import { REPO_ROOT } from '../testing/app/canary-build';
import { startCanaryServer } from '../testing/app/canary-server';
import { benchApiUser } from './fireblocks-setup';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';
import { startSimProcess } from './sim-process';

/** Override with BENCH_CHANGES_PORT (the app; the simulator takes the next port). */
const APP_PORT = Number(process.env.BENCH_CHANGES_PORT ?? 4330);
const SIM_PORT = APP_PORT + 1;
const STORE_ROUNDS = { warmUp: 20, measured: 400 };
const APP_ROUNDS = { warmUp: 10, measured: 100 };
/** Targets: what the change record and its audit events may add to a PATCH, p50. */
const BUDGET_MS = { sqlite: 2, postgres: 5 } as const;
type Engine = keyof typeof BUDGET_MS;

const ACTOR: ChangeActor = {
  iss: 'https://idp.example',
  sub: 'bench',
  email: 'bench@example.com',
  name: 'Bench',
  role: 'admin',
};
const handler = () => ({
  url: 'https://callbacks.example.com/bench',
  publicKey: rsaKeyPair(2048, 'bench-changes').publicKeyPem.trim(),
});

interface Side {
  run: () => Promise<void>;
  /** Untimed work after each run (closing the change, so the key takes the next one). */
  after?: () => Promise<void>;
}

/** Each side in turn, rotating which goes first, `warmUp` rounds unrecorded; latency per call. */
async function timeSides<K extends string>(
  rounds: { warmUp: number; measured: number },
  sides: Record<K, Side>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(sides) as K[];
  const out = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds.warmUp + rounds.measured; r++) {
    for (let i = 0; i < names.length; i++) {
      const k = names[(i + r) % names.length]!;
      const t0 = performance.now();
      await sides[k].run();
      if (r >= rounds.warmUp) out[k].push(performance.now() - t0);
      await sides[k].after?.();
    }
  }
  return out;
}

/** Closes every open change, as if Fireblocks had completed it: the next PATCH of the key is then accepted. */
const closeOpenChanges = async (db: Db) => {
  await db.kysely
    .updateTable('changes')
    .set({ state: 'completed' })
    .where('state', 'in', ['sending', 'sent', 'unknown'])
    .execute();
};

/**
 * The upstream calls the route makes, as it makes them (the cosigner and the live handler read at once, then the
 * PATCH), signed by the client directly.
 */
const upstreamOnly = (client: FireblocksClient, key: { cosignerId: string; apiKeyId: string }) => async () => {
  await Promise.all([client.getCosigner(key.cosignerId), client.getApiKey(key.cosignerId, key.apiKeyId)]);
  await client.updateCallbackHandler(key.cosignerId, key.apiKeyId, { callbackHandler: handler() });
};

/**
 * The floor of the change record on SQLite: the same reads and writes as proposeChange, in the same order and overlap
 * (the open-change read beside the two GETs, the proposal committed while the PATCH is signed, the outcome after it
 * answers), as bare better-sqlite3 statements on a second connection to the same file: no query layer, no snapshot
 * of the handlers, no validation of the event. What any store that records a change durably pays here.
 */
function bareSqliteStore(
  db: Db & { engine: 'sqlite' },
  client: FireblocksClient,
  key: { cosignerId: string; apiKeyId: string },
) {
  const raw = openSqliteConnection(db.file);
  const openChange = raw.prepare(
    `select * from changes where cosigner_id = ? and api_key_id = ?
      and state in ('awaiting_approval', 'sending', 'sent', 'unknown')`,
  );
  const insertChangeRow = raw.prepare(
    `insert into changes (id, cosigner_id, api_key_id, state, proposer, proposer_sub, reason, before_handler,
      after_handler, created_at, updated_at) values (?, ?, ?, 'sending', ?, ?, ?, ?, ?, ?, ?)
      on conflict do nothing returning *`,
  );
  const markSent = raw.prepare(
    `update changes set state = 'sent', fireblocks_request_id = ?, updated_at = ?, version = version + 1
      where id = ? and state = 'sending' returning *`,
  );
  const head = raw.prepare('select seq, hash from audit_events order by seq desc limit 1');
  const insertEvent = raw.prepare(
    `insert into audit_events (seq, at, kind, actor, actor_sub, change_id, cosigner_id, api_key_id, request_id,
      fireblocks_request_id, fireblocks_async_request_id, "before", "after", detail, prev_hash, hash)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const append = (kind: string, at: string, changeId: string, fields: { actor?: unknown; asyncId?: string }) => {
    const last = head.get() as { seq: number; hash: string } | undefined;
    const event = {
      seq: (last?.seq ?? 0) + 1,
      at,
      kind,
      actor: fields.actor ?? null,
      changeId,
      cosignerId: key.cosignerId,
      apiKeyId: key.apiKeyId,
      requestId: null,
      fireblocksRequestId: null,
      fireblocksAsyncRequestId: fields.asyncId ?? null,
      before: null,
      after: null,
      detail: null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = hashOfCanonical(event.prevHash, canonicalJson(event));
    insertEvent.run(
      event.seq,
      at,
      kind,
      event.actor === null ? null : canonicalJson(event.actor),
      event.actor === null ? null : ACTOR.sub,
      changeId,
      key.cosignerId,
      key.apiKeyId,
      null,
      null,
      event.fireblocksAsyncRequestId,
      null,
      null,
      null,
      event.prevHash,
      hash,
    );
  };
  const inTransaction = <T>(fn: () => T): T => {
    raw.exec('begin immediate');
    try {
      const result = fn();
      raw.exec('commit');
      return result;
    } catch (error) {
      raw.exec('rollback');
      throw error;
    }
  };
  const run = async () => {
    const [, live, open] = await Promise.all([
      client.getCosigner(key.cosignerId),
      client.getApiKey(key.cosignerId, key.apiKeyId),
      Promise.resolve().then(() => openChange.get(key.cosignerId, key.apiKeyId)),
    ]);
    if (open) throw new Error('the bare side found an open change');
    const id = randomUUID();
    const now = new Date().toISOString();
    const recording = Promise.resolve().then(() =>
      inTransaction(() => {
        insertChangeRow.get(
          id,
          key.cosignerId,
          key.apiKeyId,
          JSON.stringify(ACTOR),
          ACTOR.sub,
          'bench',
          JSON.stringify(live.data.callbackHandler ?? null),
          JSON.stringify(handler()),
          now,
          now,
        );
        append('change_proposed', now, id, { actor: ACTOR });
      }),
    );
    const sent = await client.updateCallbackHandler(
      key.cosignerId,
      key.apiKeyId,
      { callbackHandler: handler() },
      {
        sendAfter: recording,
      },
    );
    const at = new Date().toISOString();
    inTransaction(() => {
      markSent.get(sent.requestId, at, id);
      append('change_sent', at, id, { asyncId: sent.requestId });
    });
  };
  return { run, close: () => raw.close() };
}

async function storeRows(
  engine: Engine,
  db: Db,
  client: FireblocksClient,
  key: { cosignerId: string; apiKeyId: string },
): Promise<BenchRow[]> {
  const bare = db.engine === 'sqlite' ? bareSqliteStore(db, client, key) : undefined;
  const close = () => closeOpenChanges(db);
  const sides: Record<string, Side> = {
    store: {
      run: async () => {
        await proposeChange(
          { db, fireblocks: client, preflight: PREFLIGHT_OFF },
          {
            ...key,
            callbackHandler: handler(),
            reason: 'bench',
            actor: ACTOR,
            requestId: randomUUID(),
            // Sent at once: the bench measures the record on the PATCH's path.
            approvals: 0,
            ttlMs: 0,
          },
        );
      },
      after: close,
    },
    direct: { run: upstreamOnly(client, key) },
  };
  if (bare) sides.bare = { run: bare.run, after: close };
  const s = await timeSides(STORE_ROUNDS, sides).finally(() => bare?.close());
  const withStore = percentile(s.store!, 50);
  const without = percentile(s.direct!, 50);
  const floor: BenchRow[] = s.bare
    ? [
        {
          metric: `${engine}: floor, the same writes as bare driver statements, p50 added to the PATCH`,
          unit: 'ms',
          ours: withStore - without,
          baseline: percentile(s.bare, 50) - without,
          baselineLabel: 'ms bare better-sqlite3',
        },
      ]
    : [];
  return [
    {
      metric: `${engine}: change record + audit, p50 added to the PATCH`,
      unit: 'ms',
      ours: withStore - without,
      baseline: BUDGET_MS[engine],
      baselineLabel: 'ms budget',
      target: { max: 1 },
    },
    ...floor,
    {
      metric: `${engine}: propose + send with the store, p50`,
      unit: 'ms',
      ours: withStore,
      baseline: without,
      baselineLabel: 'same calls, no store',
    },
  ];
}

/** One change and its event committed, as proposeChange does before the PATCH leaves. */
const commitChange = (db: Db) => async () => {
  const id = randomUUID();
  const now = new Date().toISOString();
  await transaction(db, async (tx) => {
    await insertChange(tx, {
      id,
      cosigner_id: 'bench',
      api_key_id: id,
      state: 'completed',
      proposer: JSON.stringify(ACTOR),
      proposer_sub: ACTOR.sub,
      before_handler: 'null',
      after_handler: '{}',
      created_at: now,
      updated_at: now,
    });
    await appendAuditEvent(tx, {
      kind: 'change_proposed',
      at: now,
      actor: ACTOR,
      changeId: id,
      cosignerId: 'bench',
      apiKeyId: id,
    });
  });
};

/**
 * Where the SQLite overhead goes: the same commit on the configured `synchronous = FULL` (the WAL is fsynced at every
 * commit, so a committed event survives a power cut) and on `NORMAL` (survives a crash of the server, not of the
 * machine). Info: the difference is this disk's fsync.
 */
async function sqliteCommitRows(): Promise<BenchRow[]> {
  const dirs = [
    mkdtempSync(path.join(tmpdir(), 'cosigner-bench-full-')),
    mkdtempSync(path.join(tmpdir(), 'cosigner-bench-normal-')),
  ];
  const [full, normal] = dirs.map((dataDir) => createDb({ dataDir })) as [Db, Db];
  try {
    await migrateToLatest(full);
    await migrateToLatest(normal);
    await sql`pragma synchronous = NORMAL`.execute(normal.kysely);
    const s = await timeSides(STORE_ROUNDS, {
      full: { run: commitChange(full) },
      normal: { run: commitChange(normal) },
    });
    return [
      {
        metric: 'sqlite: one commit of a change + its event, synchronous=FULL, p50',
        unit: 'ms',
        ours: percentile(s.full, 50),
        baseline: percentile(s.normal, 50),
        baselineLabel: 'synchronous=NORMAL',
      },
    ];
  } finally {
    await full.close();
    await normal.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

async function appRows(
  engine: Engine,
  where: { dataDir: string; databaseUrl?: string },
  env: Record<string, string>,
  db: Db,
  client: FireblocksClient,
  key: { cosignerId: string; apiKeyId: string },
): Promise<BenchRow[]> {
  const sessionSecret = randomBytes(32).toString('base64url');
  const app = await startCanaryServer({
    name: `next start (bench changes, ${engine})`,
    port: APP_PORT,
    env: { ...env, SESSION_SECRET: sessionSecret },
    ...where,
    logFile: path.join(REPO_ROOT, 'test-results', 'bench', `changes-app-${engine}.log`),
  });
  try {
    const cookieName = sessionCookie({ production: true, appUrl: new URL(app.appUrl) }).name;
    // The route limits changes per user (5 a minute): each request is another admin, its cookie sealed beforehand.
    const total = APP_ROUNDS.warmUp + APP_ROUNDS.measured;
    const cookies: string[] = [];
    for (let i = 0; i < total; i++) {
      const user = { sub: `bench-${i}`, name: 'Bench', email: 'bench@example.com', role: 'admin' as const };
      const { id } = await transaction(db, (tx) =>
        insertSession(tx, { iss: ACTOR.iss, user, authTime: Date.now() }, Date.now()),
      );
      cookies.push(`${cookieName}=${await sealSessionId(id, sessionSecret)}`);
    }
    const url = new URL(`/api/cosigners/${key.cosignerId}/api-keys/${key.apiKeyId}`, app.appUrl);
    const body = Buffer.from(JSON.stringify({ callbackHandler: handler(), reason: 'bench' }));
    let n = 0;
    const s = await timeSides(APP_ROUNDS, {
      app: {
        run: async () => {
          const res = await httpSend(url, {
            method: 'PATCH',
            headers: {
              cookie: cookies[n++ % total]!,
              origin: app.appUrl,
              'content-type': 'application/json',
              accept: 'application/json',
            },
            body,
            timeoutMs: 10_000,
          });
          if (res.status !== 202)
            throw new Error(`the app answered the PATCH with HTTP ${res.status}: ${res.text.slice(0, 200)}`);
        },
        after: () => closeOpenChanges(db),
      },
      direct: { run: upstreamOnly(client, key) },
      floor: {
        run: async () => {
          const res = await httpSend(new URL('/api/health', app.appUrl), {
            method: 'GET',
            headers: {},
            timeoutMs: 10_000,
          });
          if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
        },
      },
    });
    const direct = percentile(s.direct, 50);
    return [
      {
        metric: `${engine}: PATCH through the app, p50`,
        unit: 'ms',
        ours: percentile(s.app, 50),
        baseline: direct,
        baselineLabel: 'GETs + PATCH signed directly',
      },
      {
        metric: `${engine}: floor, GET /api/health p50`,
        unit: 'ms',
        ours: percentile(s.floor, 50),
        baseline: direct,
        baselineLabel: 'GETs + PATCH signed directly',
      },
    ];
  } finally {
    await app.stop();
  }
}

/**
 * What the change record costs a PATCH (design: "the PATCH route with the change record and audit writes vs the same
 * route with the store disabled"). There is no switch to disable the store, so its cost is timed where it is paid:
 * proposeChange (the open-change check beside the two upstream reads, the change and `change_proposed` in one
 * transaction, the PATCH, `sent` and `change_sent` in another) against the same three Fireblocks calls, made the same
 * way by the same client without it, in this process, the simulator in its own. Judged: the difference of the
 * p50s, against 2 ms on SQLite and 5 ms on the test PostgreSQL. Shown beside it (info): on SQLite the same writes as
 * bare driver statements (bareSqliteStore, the floor); the whole PATCH through `next start` against the direct
 * calls, and next start's floor (GET /api/health), on each engine.
 */
export async function benchChanges(): Promise<BenchOutcome[]> {
  // proposeChange logs one line per change sent; here they would bury the table (the app's go to its log file).
  logger.level = 'warn';
  const user = benchApiUser();
  const sim = await startSimProcess({ port: SIM_PORT, apiKey: user.apiKey, publicKeyPath: user.publicKeyPath });
  const client = createFireblocksClient({ baseUrl: sim.baseUrl, apiKey: user.apiKey, privateKey: user.privateKeyPem });
  const key = seedSummary().keyWithPublicKey;
  const postgres = await startPostgres();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cosigner-bench-data-'));
  const rows: BenchRow[] = [];
  try {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('create database bench_changes');
    await admin.end();
    const databaseUrl = Object.assign(new URL(postgres.url), { pathname: '/bench_changes' }).toString();
    const appEnv = {
      FIREBLOCKS_BASE_URL: sim.baseUrl,
      FIREBLOCKS_API_KEY: user.apiKey,
      FIREBLOCKS_SECRET_KEY: user.privateKeyPem,
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'cosigner-console-bench',
      OIDC_CLIENT_SECRET: randomBytes(16).toString('hex'),
      // Sent at once (202), as the in-process rows measure: with approvals the PATCH only records the proposal.
      CHANGE_APPROVALS: '0',
    };
    for (const engine of ['sqlite', 'postgres'] as const) {
      const where = engine === 'sqlite' ? { dataDir } : { databaseUrl, dataDir };
      const db = createDb(where);
      try {
        await migrateToLatest(db);
        rows.push(...(await storeRows(engine, db, client, key)));
        if (engine === 'sqlite') rows.push(...(await sqliteCommitRows()));
        rows.push(...(await appRows(engine, where, appEnv, db, client, key)));
      } finally {
        await db.close();
      }
    }
    return printSection('changes: what the change record adds to a PATCH (ours = with it, baseline = without)', rows);
  } finally {
    await postgres.stop();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
