import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { pkcs8PrivateKeyPem, rsaKeyPair } from '../testing/fixtures/pem-fixtures';
import { parseCliArgs } from './cli-args';
import { simCall } from '../testing/sim/sim-call';

const dir = mkdtempSync(path.join(tmpdir(), 'fireblocks-sim-cli-'));
const user = rsaKeyPair(2048, 'sim-cli');
const pubPath = path.join(dir, 'api-user.pub.pem');
writeFileSync(pubPath, user.publicKeyPem);
const KEY = '5f0c2a4e-8d6b-4c1a-9e3f-2b7d6a5c4e3f';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCliArgs', () => {
  it('reads users, seed, delays and fault flags', () => {
    const o = parseCliArgs([
      '--port',
      '4105',
      '--api-user',
      `${KEY}=${pubPath}`,
      '--seed',
      '9',
      '--approve-ms',
      '5',
      '--complete-ms',
      '6',
      '--fault-status',
      '429',
      '--fault-retry-after',
      '3',
      '--fault-times',
      '2',
      '--fault-path',
      '/v1/cosigners',
    ]);
    expect(o).toMatchObject({
      port: 4105,
      seed: 9,
      delays: { approveMs: 5, completeMs: 6 },
      faults: { status: 429, retryAfterSec: 3, times: 2, match: { pathPrefix: '/v1/cosigners' } },
    });
    expect(o.apiUsers).toEqual([{ apiKey: KEY, publicKeyPem: user.publicKeyPem }]);
  });

  it('reads --fault-drop-after-handling', () => {
    const o = parseCliArgs([
      '--api-user',
      `${KEY}=${pubPath}`,
      '--fault-drop-after-handling',
      '--fault-method',
      'PATCH',
    ]);
    expect(o.faults).toEqual({ dropAfterHandling: true, match: { method: 'PATCH' } });
  });

  it('reads the workspace, the 403 switches and the audit log page size', () => {
    const o = parseCliArgs([
      '--api-user',
      `${KEY}=${pubPath}`,
      '--workspace',
      'large',
      '--forbid-api-users',
      '--audit-log-page-size',
      '20',
    ]);
    expect(o).toMatchObject({
      workspace: 'large',
      forbidden: { apiUsers: true, auditLogs: false },
      auditLogPageSize: 20,
    });
    expect(() => parseCliArgs(['--api-user', `${KEY}=${pubPath}`, '--workspace', 'huge'])).toThrow(/demo or large/);
    expect(() => parseCliArgs(['--api-user', `${KEY}=${pubPath}`, '--audit-log-page-size', '0'])).toThrow(/1 to 1000/);
  });

  it('defaults to port 4010 and no faults', () => {
    const o = parseCliArgs(['--api-user', `${KEY}=${pubPath}`]);
    expect(o.port).toBe(4010);
    expect(o.faults).toBeUndefined();
    expect(o.forbidden).toBeUndefined();
    expect(o.workspace).toBeUndefined();
  });

  it.each([
    [[], /api-user is required/],
    [['--api-user', 'nokey'], /<apiKey>=/],
    [['--api-user', `${KEY}=/nonexistent.pem`], /cannot read/],
    [['--api-user', `${KEY}=${pubPath}`, '--port', 'abc'], /--port/],
    [['--api-user', `${KEY}=${pubPath}`, '--fault-status', '200'], /./],
    [['--bogus'], /./],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('npm run sim (the real command line)', () => {
  it('refuses a private key given as the API user key', async () => {
    const privPath = path.join(dir, 'oops.pem');
    writeFileSync(privPath, pkcs8PrivateKeyPem());
    const { code, output } = await runCli(['--port', '0', '--api-user', `${KEY}=${privPath}`], false);
    expect(code).toBe(1);
    expect(output).toMatch(/private key/);
    expect(output).not.toContain('PRIVATE KEY-----');
  });

  it('prints one ready line with its URL and serves signed requests', async () => {
    const { url, stop } = await runCli(['--port', '0', '--api-user', `${KEY}=${pubPath}`, '--seed', '2'], true);
    try {
      const res = await simCall(url.replace(/\/v1$/, ''), {
        path: '/v1/cosigners?pageSize=1',
        user: { apiKey: KEY, privateKey: user.privateKeyPem },
      });
      expect(res.status).toBe(200);
    } finally {
      await stop();
    }
  });
});

interface CliRun {
  url: string;
  code: number | null;
  output: string;
  stop: () => Promise<void>;
}

/** Spawns `tsx sim/cli.ts`; resolves at the ready line (wait=true) or when the process exits. */
function runCli(args: string[], wait: boolean): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'cli.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer): void => {
      output += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(output);
      if (wait && m?.[1]) resolve({ url: m[1], code: null, output, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) =>
      wait ? reject(new Error(`cli exited ${code}: ${output}`)) : resolve({ url: '', code, output, stop }),
    );
  });
}
