import { performance } from 'node:perf_hooks';
import { connect, createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { Worker } from 'node:worker_threads';

import { runPreflight, type PreflightTarget, type RunPreflightOptions } from '@/lib/preflight/run-preflight';
import { makeTestCa, selfSignedCertificate, type ServedCertificate } from '@/testing/upstream/tls-servers';

import { interleave } from './fireblocks-setup';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';

const SAMPLES = 300;
const WARM_UP = 30;

/**
 * The TLS server both sides connect to, on a thread of its own (its handshake work runs beside the client's, as a
 * real server's would, instead of taking turns on one event loop). Plain JavaScript: a worker does not go through
 * tsx.
 */
const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const tls = require('node:tls');
const server = tls.createServer({ cert: workerData.cert, key: workerData.key }, (socket) => {
  socket.on('error', () => {});
  socket.on('end', () => socket.end());
  socket.resume();
});
server.on('tlsClientError', () => {});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

async function startServer(cert: ServedCertificate): Promise<{ port: number; stop: () => Promise<number> }> {
  const worker = new Worker(SERVER, { eval: true, workerData: { cert: cert.certPem, key: cert.keyPem } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', resolve);
  });
  return { port, stop: () => worker.terminate() };
}

/** The floor: a bare `tls.connect` to the same server, with the same trust, ended as soon as its handshake is done. */
function bareHandshake(port: number, trust?: SecureContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: '127.0.0.1', port, rejectUnauthorized: false, ...(trust ? { secureContext: trust } : {}) },
      () => {
        socket.destroySoon();
        resolve();
      },
    );
    socket.once('error', reject);
  });
}

/**
 * Paired samples of the check and of its floor, in rotating order so both see the same machine; beside them a bare
 * `tls.connect` that reuses one client context, as the check does (a bare call builds one per connection).
 */
async function measure(o: {
  name: string;
  target: PreflightTarget;
  options: RunPreflightOptions;
  port: number;
  /** The CA the server's chain needs (the check has it from PREFLIGHT_CA_FILE, beside Node's store). */
  extraCa?: string;
  judged: boolean;
}): Promise<BenchRow[]> {
  const samples = { ours: [] as number[], bare: [] as number[], shared: [] as number[] };
  const shared = createSecureContext(o.extraCa ? { ca: [...rootCertificates, o.extraCa] } : {});
  const ours = async () => {
    const result = await runPreflight(o.target, o.options);
    if (result.verdict !== 'pass') throw new Error(`the bench's check did not pass: ${result.summary}`);
  };
  // A bare call builds its context each time, as tls.connect does; given the one CA the chain needs, not Node's 150.
  const bare = () => bareHandshake(o.port, o.extraCa ? createSecureContext({ ca: [o.extraCa] }) : undefined);
  const bareShared = () => bareHandshake(o.port, shared);
  const timed = (into: number[], fn: () => Promise<void>) => async () => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  await interleave(WARM_UP, [ours, bare, bareShared]);
  await interleave(SAMPLES, [timed(samples.ours, ours), timed(samples.bare, bare), timed(samples.shared, bareShared)]);
  const p50 = (s: number[]) => percentile(s, 50);
  const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
  const row = (metric: string, of: (s: number[]) => number, target?: BenchRow['target']): BenchRow => ({
    metric: `${o.name} ${metric}`,
    unit: 'ms',
    ours: of(samples.ours),
    baseline: of(samples.bare),
    baselineLabel: 'bare tls.connect',
    ...(target ? { target } : {}),
  });
  return [
    row('p50', p50, o.judged ? { max: 1.1 } : undefined),
    row('mean', mean),
    row('p99', (s) => percentile(s, 99)),
    {
      metric: `${o.name} p50`,
      unit: 'ms',
      ours: p50(samples.ours),
      baseline: p50(samples.shared),
      baselineLabel: 'bare tls.connect, one shared context',
    },
  ];
}

/**
 * The pre-flight check (URL rules, name resolution, TCP, TLS handshake with SNI, the chain read, the pin compared,
 * the verdict) against the floor it cannot go below: a bare `tls.connect` to the same loopback server (RSA-2048),
 * ended after its handshake. Judged: a pinned self-signed certificate, what a pinned handler usually serves. Shown:
 * a public-key handler behind a CA-signed chain, where reading the chain costs more (probe-tls.ts says why).
 */
export async function benchPreflight(): Promise<BenchOutcome[]> {
  const ca = await makeTestCa('Bench CA');
  const [pinned, signed] = await Promise.all([
    selfSignedCertificate({ ips: ['127.0.0.1'], keyType: 'rsa' }),
    ca.issue({ ips: ['127.0.0.1'], keyType: 'rsa' }),
  ]);
  const [pinnedServer, signedServer] = await Promise.all([startServer(pinned), startServer(signed)]);
  try {
    const url = (port: number) => `https://127.0.0.1:${port}/fireblocks`;
    const rows = [
      // As a change gives it: the pinned key's hash was computed once, when the change was recorded.
      ...(await measure({
        name: 'pinned',
        target: { url: url(pinnedServer.port), mode: 'cert', pinnedSpkiSha256: pinned.spkiSha256 },
        options: { simulated: true, extraCaPems: [] },
        port: pinnedServer.port,
        judged: true,
      })),
      ...(await measure({
        name: 'CA-signed',
        target: { url: url(signedServer.port), mode: 'publicKey' },
        options: { simulated: true, extraCaPems: [ca.certPem] },
        port: signedServer.port,
        extraCa: ca.certPem,
        judged: false,
      })),
    ];
    return printSection(`preflight, loopback TLS 1.3, RSA-2048, ${SAMPLES} paired samples`, rows);
  } finally {
    await Promise.all([pinnedServer.stop(), signedServer.stop()]);
  }
}
