import { connect as tlsConnect } from 'node:tls';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '@/lib/errors/app-error';
import {
  closedPort,
  makeTestCa,
  selfSignedCertificate,
  startTcpServer,
  startTlsServer,
  type ServedCertificate,
  type TestCa,
  type TlsTestServer,
} from '@/testing/upstream/tls-servers';

import type { PreflightResult } from './preflight-schemas';
import { PREFLIGHT_BUDGET_MS } from './probe-tls';
import { runPreflight, type PreflightTarget, type RunPreflightOptions } from './run-preflight';

// Every verdict against real TLS servers on loopback, with certificates generated here. The test stack's rule
// (the simulator as upstream) lets the probe connect to loopback; production's is checked apart below.
const SIMULATED: RunPreflightOptions = { simulated: true, extraCaPems: [] };

let ca: TestCa;
let good: ServedCertificate;
const servers: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  ca = await makeTestCa();
  good = await selfSignedCertificate({ ips: ['127.0.0.1'], hosts: ['localhost'] });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serving(cert: ServedCertificate, chain: string[] = []): Promise<TlsTestServer> {
  const server = await startTlsServer(cert, chain);
  servers.push(server);
  return server;
}

const pinned = (port: number, cert: ServedCertificate, host = '127.0.0.1'): PreflightTarget => ({
  url: `https://${host}:${port}/fireblocks`,
  mode: 'cert',
  pinnedSpkiSha256: cert.spkiSha256,
});
const byKey = (port: number, host = '127.0.0.1'): PreflightTarget => ({
  url: `https://${host}:${port}/fireblocks`,
  mode: 'publicKey',
});
const codes = (r: PreflightResult) => r.findings.map((f) => `${f.severity}:${f.code}`);

/** The probe's promise: nothing but the handshake reached the server (checked once every connection has closed). */
async function expectNoApplicationData(server: TlsTestServer): Promise<void> {
  await server.settled();
  expect(server.applicationBytes()).toBe(0);
}

describe('pinned certificate', () => {
  it('passes when the server presents the pinned certificate, and sends it nothing after the handshake', async () => {
    const server = await serving(good);
    const result = await runPreflight(pinned(server.port, good), SIMULATED);
    expect(result).toMatchObject({ verdict: 'pass', findings: [], host: '127.0.0.1', port: server.port });
    expect(result.summary).toBe(
      `The server at 127.0.0.1:${server.port} presents the pinned certificate's key, in a certificate for 127.0.0.1, valid until ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(result.tls?.chain[0]?.notAfter ?? ''))}.`,
    );
    expect(result.tls).toMatchObject({
      namesHost: true,
      chainVerified: false,
      chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(result.tls?.version).toMatch(/^TLSv1\.[23]$/);
    expect(result.tls?.chain[0]?.spkiSha256).toBe(good.spkiSha256);
    expect(result.addresses).toEqual(['127.0.0.1']);
    expect(result.connectedAddress).toBe('127.0.0.1');
    expect(result.timings.handshakeMs).toBeGreaterThan(0);
    await expectNoApplicationData(server);
    // The server saw the handshake complete (the client's Finished), then nothing but the close.
    expect(server.handshakes()).toBe(1);
  });

  it('fails when the server presents another certificate than the pinned one, in words an admin cannot misread', async () => {
    const other = await selfSignedCertificate({ ips: ['127.0.0.1'] });
    const server = await serving(other);
    const result = await runPreflight(pinned(server.port, good), SIMULATED);
    expect(result.verdict).toBe('fail');
    expect(codes(result)).toEqual(['fail:pin_mismatch']);
    expect(result.summary).toBe(
      `The server at 127.0.0.1:${server.port} presents a different certificate from the one pinned: the Co-Signer will refuse it.`,
    );
    await expectNoApplicationData(server);
  });

  it('passes once the server presents the pinned certificate after all (the certificate switched while it runs)', async () => {
    const other = await selfSignedCertificate({ ips: ['127.0.0.1'] });
    const server = await serving(other);
    expect((await runPreflight(pinned(server.port, good), SIMULATED)).verdict).toBe('fail');
    server.setCertificate(good);
    expect((await runPreflight(pinned(server.port, good), SIMULATED)).verdict).toBe('pass');
  });

  it('fails on an expired certificate even when it is the pinned one', async () => {
    const expired = await selfSignedCertificate({ ips: ['127.0.0.1'], fromDays: -400, untilDays: -2 });
    const server = await serving(expired);
    const result = await runPreflight(pinned(server.port, expired), SIMULATED);
    expect(codes(result)).toEqual(['fail:cert_expired']);
    expect(result.summary).toMatch(
      /presents a certificate that expired on \d{1,2} [A-Z][a-z]+ \d{4}: the Co-Signer will refuse it\.$/,
    );
  });

  it('fails on a certificate that is not valid yet', async () => {
    const early = await selfSignedCertificate({ ips: ['127.0.0.1'], fromDays: 3, untilDays: 300 });
    const server = await serving(early);
    expect(codes(await runPreflight(pinned(server.port, early), SIMULATED))).toEqual(['fail:cert_not_yet_valid']);
  });

  it('fails on a certificate for another host, naming the host it is for', async () => {
    const elsewhere = await selfSignedCertificate({ hosts: ['elsewhere.example.net'] });
    const server = await serving(elsewhere);
    const result = await runPreflight(pinned(server.port, elsewhere), SIMULATED);
    expect(codes(result)).toEqual(['fail:host_not_named']);
    expect(result.summary).toBe(
      `The server at 127.0.0.1:${server.port} presents a certificate for elsewhere.example.net, not for 127.0.0.1: the Co-Signer will refuse it.`,
    );
  });

  it('warns when the certificate ends within 30 days, and says a new key needs a new change', async () => {
    const ending = await selfSignedCertificate({ ips: ['127.0.0.1'], fromDays: -300, untilDays: 10 });
    const server = await serving(ending);
    const result = await runPreflight(pinned(server.port, ending), SIMULATED);
    expect(codes(result)).toEqual(['warn:cert_expiring']);
    expect(result.summary).toMatch(/ends on .+, within 30 days: after that the Co-Signer will refuse it\. A renewed/);
  });
});

describe('public key handler (TLS must be CA-signed)', () => {
  it("passes on a chain that verifies against PREFLIGHT_CA_FILE's CA", async () => {
    const leaf = await ca.issue({ hosts: ['localhost'], ips: ['127.0.0.1'] });
    const server = await serving(leaf);
    const result = await runPreflight(byKey(server.port, 'localhost'), { ...SIMULATED, extraCaPems: [ca.certPem] });
    expect(result).toMatchObject({ verdict: 'pass', findings: [], host: 'localhost' });
    expect(result.summary).toMatch(
      /^The server at localhost:\d+ presents a CA-signed certificate for localhost, valid until /,
    );
    expect(result.tls).toMatchObject({ chainVerified: true, chainError: null, namesHost: true });
    expect(result.tls?.chain.map((c) => c.spkiSha256)).toEqual([leaf.spkiSha256, ca.spkiSha256]);
    await expectNoApplicationData(server);
  });

  it("warns, naming Fireblocks' requirement, when the chain is self-signed", async () => {
    const server = await serving(good);
    const result = await runPreflight(byKey(server.port), SIMULATED);
    expect(codes(result)).toEqual(['warn:chain_unverified']);
    expect(result.summary).toContain('(it is self-signed)');
    expect(result.summary).toContain(
      'Fireblocks requires a CA-signed certificate for a handler that uses a public key',
    );
  });

  it('warns when the issuing CA is not trusted (not in PREFLIGHT_CA_FILE)', async () => {
    const server = await serving(await ca.issue({ ips: ['127.0.0.1'] }));
    const result = await runPreflight(byKey(server.port), SIMULATED);
    expect(codes(result)).toEqual(['warn:chain_unverified']);
    expect(result.tls?.chainError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('fails on a CA-signed certificate for another host', async () => {
    const server = await serving(await ca.issue({ hosts: ['pay.example.com'] }));
    const result = await runPreflight(byKey(server.port), { ...SIMULATED, extraCaPems: [ca.certPem] });
    expect(codes(result)).toEqual(['fail:host_not_named']);
  });

  it('fails on an expired CA-signed certificate, without a second finding for the chain', async () => {
    const server = await serving(await ca.issue({ ips: ['127.0.0.1'], fromDays: -90, untilDays: -1 }));
    const result = await runPreflight(byKey(server.port), { ...SIMULATED, extraCaPems: [ca.certPem] });
    expect(codes(result)).toEqual(['fail:cert_expired']);
    expect(result.tls?.chainError).toBe('CERT_HAS_EXPIRED');
  });
});

describe('unreachable from here: a warning that the Co-Signer network may differ, never a fail', () => {
  it('a closed port', async () => {
    const port = await closedPort();
    const result = await runPreflight(byKey(port), SIMULATED);
    expect(codes(result)).toEqual(['warn:unreachable']);
    expect(result.summary).toBe(
      `Nothing accepts connections at 127.0.0.1:${port} from the console's network (connection refused). The Co-Signer's network may differ from the console's: make sure the handler is reachable from it.`,
    );
    expect(result.tls).toBeNull();
  });

  it('a server that resets the connection during the handshake', async () => {
    const server = await startTcpServer('reset');
    servers.push(server);
    const result = await runPreflight(pinned(server.port, good), SIMULATED);
    expect(codes(result)).toEqual(['warn:unreachable']);
    expect(result.summary).toContain('was cut before the TLS handshake finished');
    expect(server.accepted()).toBe(1);
  });

  it('a server that accepts TCP and never answers the handshake: the 5 s budget holds', async () => {
    const server = await startTcpServer('silent');
    servers.push(server);
    const started = Date.now();
    const result = await runPreflight(pinned(server.port, good), SIMULATED);
    const took = Date.now() - started;
    expect(codes(result)).toEqual(['warn:unreachable']);
    expect(result.summary).toContain('accepted the connection but did not complete a TLS handshake within 5 seconds');
    expect(took).toBeGreaterThanOrEqual(PREFLIGHT_BUDGET_MS - 50);
    // The budget is the whole check's: a generous margin for a busy machine, far below a second budget.
    expect(took).toBeLessThan(PREFLIGHT_BUDGET_MS + 1_500);
  }, 15_000);

  it('a name that does not resolve', async () => {
    const result = await runPreflight(byKey(443, 'nothing-here.invalid'), SIMULATED);
    expect(codes(result)).toEqual(['warn:unreachable']);
    expect(result.summary).toMatch(/^nothing-here\.invalid does not resolve from the console's network\./);
  });
});

describe('what the probe refuses to touch', () => {
  it('runs the URL rules first: a link-local address is a 400, never probed', async () => {
    await expect(runPreflight(byKey(443, '169.254.169.254'), SIMULATED)).rejects.toMatchObject({
      status: 400,
      code: 'bad_request',
    });
    await expect(runPreflight(byKey(443, '169.254.169.254'), SIMULATED)).rejects.toBeInstanceOf(AppError);
  });

  it('fails, without connecting, when the name resolves to a metadata address', async () => {
    const server = await serving(good);
    const lookup = () => Promise.resolve([{ address: '127.0.0.1' }, { address: '169.254.169.254' }]);
    const result = await runPreflight(byKey(server.port, 'pay.example.com'), { ...SIMULATED, lookup });
    expect(codes(result)).toEqual(['fail:forbidden_address']);
    expect(result.summary).toBe(
      'pay.example.com resolves to 169.254.169.254, a cloud instance-metadata address: the Co-Signer cannot call a handler there, and the console does not connect to it.',
    );
    expect(result.connectedAddress).toBeNull();
    expect(server.handshakes()).toBe(0);
  });

  it('in production (a real upstream) never connects to loopback, even through a name: it says nothing was checked', async () => {
    const server = await startTcpServer('silent');
    servers.push(server);
    const result = await runPreflight(byKey(server.port, 'localhost'), { simulated: false, extraCaPems: [] });
    expect(codes(result)).toEqual(['warn:not_probed']);
    expect(result.summary).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(server.accepted()).toBe(0);
  });

  it('plain http (the simulator only) is a connection check, with a warning that there is no TLS', async () => {
    const server = await startTcpServer('silent');
    servers.push(server);
    const result = await runPreflight({ url: `http://127.0.0.1:${server.port}/cb`, mode: 'publicKey' }, SIMULATED);
    expect(codes(result)).toEqual(['warn:not_probed']);
    expect(server.accepted()).toBe(1);
  });

  it('a port that does not speak TLS is a failed handshake (a warning)', async () => {
    const server = await startTcpServer('plaintext');
    servers.push(server);
    const result = await runPreflight(pinned(server.port, good), SIMULATED);
    expect(codes(result)).toEqual(['warn:handshake_failed']);
    expect(result.summary).toContain('it does not speak TLS on this port');
  });
});

it('the test server does see application data, so its count of none means something', async () => {
  const server = await serving(good);
  await new Promise<void>((resolve, reject) => {
    const client = tlsConnect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false }, () => {
      client.end('G');
      resolve();
    });
    client.on('error', reject);
  });
  await server.settled();
  expect(server.applicationBytes()).toBe(1);
});
