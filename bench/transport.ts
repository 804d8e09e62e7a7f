import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createInterface } from 'node:readline';

import { httpSend } from '@/lib/fireblocks/http-send';

import { interleave } from './fireblocks-setup';
import { nodeHttpSend } from './node-http-send';
import { percentile, printSection, type BenchOutcome, type BenchRow } from './report';

const WARM_UP = 500;
const ROUNDS = 30;
const BATCH = 100;
const CONCURRENCY = 8;

/**
 * An upstream that costs nothing: a plain HTTP/1.1 server in its own process answering every request with a fixed
 * JSON body of `?bytes=` size, so what is timed is the client's own work (plain HTTP on loopback: TLS is node:tls
 * under both clients, the same cost on both sides).
 */
const UPSTREAM = `
const http = require('node:http');
const bodies = new Map();
const body = (n) => {
  if (!bodies.has(n)) bodies.set(n, Buffer.from(JSON.stringify({ data: 'x'.repeat(Math.max(0, n - 11)) })));
  return bodies.get(n);
};
const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  req.resume();
  req.on('end', () => {
    const b = body(Number(new URL(req.url, 'http://x').searchParams.get('bytes') ?? 100));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': b.length, 'X-Request-ID': 'bench' });
    res.end(b);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => process.exit(0));
`;

/**
 * The floor: one kept-alive socket, a request written as fixed bytes and the answer read up to its Content-Length,
 * with no header parsing beyond that: what any HTTP client must at least do on this machine.
 */
class RawConnection {
  private buffered = Buffer.alloc(0);
  private waiting?: () => void;
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.waiting?.();
    });
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.setNoDelay(true);
    return new RawConnection(socket);
  }

  async get(path: string): Promise<void> {
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n`);
    for (;;) {
      const end = this.buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = this.buffered.subarray(0, end).toString('latin1');
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
        if (this.buffered.length >= end + 4 + length) {
          this.buffered = this.buffered.subarray(end + 4 + length);
          return;
        }
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

type Side = 'ours' | 'nodeHttp' | 'floor';

/**
 * The Fireblocks transport (lib/fireblocks/http-send.ts: undici's request() on its keep-alive pool) against the
 * node:http client with a keep-alive agent it replaced (./node-http-send.ts), each beside the floor (a raw socket),
 * for a small and a large answer, one request at a time and CONCURRENCY at once. Batches of each side in rotating
 * order, so drift reaches all of them alike.
 */
export async function benchTransport(): Promise<BenchOutcome[]> {
  const upstream = spawn(process.execPath, ['-e', UPSTREAM], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: upstream.stdout }), 'line')) as [string];
  const port = Number(line);
  const floors = await Promise.all(Array.from({ length: CONCURRENCY }, () => RawConnection.open(port)));
  try {
    const rows: BenchRow[] = [];
    for (const bytes of [2_500, 40_000]) {
      const path = `/v1/cosigners?bytes=${bytes}`;
      const url = new URL(`http://127.0.0.1:${port}${path}`);
      const init = { method: 'GET', headers: { Accept: 'application/json' }, timeoutMs: 10_000 };
      const one: Record<Side, (lane: number) => Promise<void>> = {
        ours: async () => void (await httpSend(url, init)),
        nodeHttp: async () => void (await nodeHttpSend(url, init)),
        floor: (lane) => floors[lane]!.get(path),
      };
      for (const lanes of [1, CONCURRENCY]) {
        const latencies: Record<Side, number[]> = { ours: [], nodeHttp: [], floor: [] };
        const busy: Record<Side, number> = { ours: 0, nodeHttp: 0, floor: 0 };
        const batch = (side: Side, record: boolean) => async () => {
          const start = performance.now();
          await Promise.all(
            Array.from({ length: lanes }, async (_, lane) => {
              for (let i = 0; i < BATCH / lanes; i++) {
                const t0 = performance.now();
                await one[side](lane);
                if (record) latencies[side].push(performance.now() - t0);
              }
            }),
          );
          if (record) busy[side] += performance.now() - start;
        };
        const sides: Side[] = ['ours', 'nodeHttp', 'floor'];
        await interleave(
          Math.ceil(WARM_UP / BATCH),
          sides.map((s) => batch(s, false)),
        );
        await interleave(
          ROUNDS,
          sides.map((s) => batch(s, true)),
        );
        const label = `${(bytes / 1000).toFixed(1)} kB, ${lanes === 1 ? 'one at a time' : `${lanes} at once`}`;
        const p50 = (s: Side) => percentile(latencies[s], 50);
        const rps = (s: Side) => (latencies[s].length / busy[s]) * 1000;
        const node = 'node:http agent';
        rows.push(
          { metric: `${label}: p50`, unit: 'ms', ours: p50('ours'), baseline: p50('nodeHttp'), baselineLabel: node },
          {
            metric: '  against the floor',
            unit: 'ms',
            ours: p50('ours'),
            baseline: p50('floor'),
            baselineLabel: 'raw socket',
          },
          {
            metric: '  node:http against the floor',
            unit: 'ms',
            ours: p50('nodeHttp'),
            baseline: p50('floor'),
            baselineLabel: 'raw socket',
          },
          { metric: '  throughput', unit: 'req/s', ours: rps('ours'), baseline: rps('nodeHttp'), baselineLabel: node },
        );
      }
    }
    return printSection(`Fireblocks transport: undici vs node:http, ${ROUNDS * BATCH} requests per side and row`, rows);
  } finally {
    for (const f of floors) f.close();
    upstream.kill('SIGTERM');
  }
}
