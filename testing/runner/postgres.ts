import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { assertPortFree, findFreePort } from '../../stack/port-free';

/** A throwaway PostgreSQL cluster for tests: trust authentication, loopback only, data in a temporary folder. */
export interface TestPostgres {
  /** The `postgres` database as superuser `postgres`: make a database per test from here. */
  url: string;
  port: number;
  /** Stops the server and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Port to listen on; default TEST_PG_PORT, else any free loopback port. */
  port?: number;
}

const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const live = new Set<() => void>();

/** The newest Debian PostgreSQL's bin folder, installing the `postgresql` package first when root and missing. */
function ensurePostgresBinaries(): string {
  const found = findBinDir();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `PostgreSQL is missing (no ${DEBIAN_PG_ROOT}/*/bin/initdb). Install it with \`sudo apt-get update && sudo apt-get install -y postgresql\` (Debian/Ubuntu), then run the tests again.`,
    );
  }
  console.log(`PostgreSQL is missing: installing Debian's postgresql package...`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    const run = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status ?? 'signal'})`);
  }
  const installed = findBinDir();
  if (!installed) throw new Error(`apt-get installed postgresql, but no ${DEBIAN_PG_ROOT}/*/bin/initdb exists`);
  return installed;
}

function findBinDir(): string | undefined {
  if (!existsSync(DEBIAN_PG_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_PG_ROOT)
    .filter((v) => existsSync(path.join(DEBIAN_PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(DEBIAN_PG_ROOT, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, the server's tools run as the `postgres` user Debian's package made. */
function asServerUser(bin: string, args: string[]): { command: string; args: string[] } {
  return process.getuid?.() === 0
    ? { command: 'runuser', args: ['-u', 'postgres', '--', bin, ...args] }
    : { command: bin, args };
}

function run(bin: string, args: string[], what: string): void {
  const c = asServerUser(bin, args);
  const result = spawnSync(c.command, c.args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${what} failed (exit ${result.status ?? 'signal'}): ${(result.stderr || result.stdout).trim()}`);
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const ids = { uid: id('-u'), gid: id('-g') };
  if (!Number.isInteger(ids.uid) || ids.uid <= 0)
    throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
  return ids;
}

/**
 * initdb into a temporary folder and pg_ctl start on a loopback port. Durability is switched off (fsync, full
 * page writes): the cluster lives for one test run. Also stopped when this process exits, however it exits.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const bin = ensurePostgresBinaries();
  const root = mkdtempSync(path.join(tmpdir(), 'cosigner-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    chownSync(root, uid, gid);
  }
  const data = path.join(root, 'data');
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  try {
    run(
      path.join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      'initdb',
    );
  } catch (error) {
    removeRoot();
    throw error;
  }
  const requested = options.port ?? (process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : undefined);
  // Parallel test files may pick the same free port at once: the loser tries the next one.
  for (let attempt = 0; ; attempt++) {
    const port = requested === undefined ? await findFreePort() : requested + attempt;
    try {
      if (requested !== undefined) await assertPortFree(port, 'test PostgreSQL');
      const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
      run(
        path.join(bin, 'pg_ctl'),
        ['start', '-D', data, '-w', '-t', '60', '-l', path.join(root, 'server.log'), '-o', serverOptions],
        'pg_ctl start',
      );
    } catch (error) {
      if (attempt < 9) continue;
      removeRoot();
      throw error;
    }
    const stopNow = () => {
      live.delete(stopNow);
      try {
        run(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w'], 'pg_ctl stop');
      } catch {
        // Already stopped.
      }
      removeRoot();
    };
    live.add(stopNow);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop: () => Promise.resolve(stopNow()) };
  }
}

// A test run that exits without stopping its cluster (uncaught error, process.exit) still leaves none behind.
process.once('exit', () => {
  for (const stop of [...live]) stop();
});
