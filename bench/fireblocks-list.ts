import { performance } from 'node:perf_hooks';

import { Fireblocks } from '@fireblocks/ts-sdk';

import { createFireblocksClient } from '@/lib/fireblocks/client';
import { startSimulator } from '@/sim/index';

import { benchApiUser, interleave } from './fireblocks-setup';
import { percentile, printSection, type BenchOutcome } from './report';

const PAGE_SIZE = 10;
const WARM_UP = 30;
const ROUNDS = 20;
const BATCH = 20;

interface Sample {
  latencies: number[];
  busyMs: number;
}

/**
 * Our listCosigners against the official SDK's getCosigners, same page size, both signing with the same RSA-4096
 * key, against the simulator on loopback (in this process: it costs both sides the same). Each round runs a
 * sequential batch of each client, in rotating order; latency is per request, throughput is requests per second
 * of the time each client's batches took.
 */
export async function benchFireblocksList(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const sim = await startSimulator({ port: 0, apiUsers: [{ apiKey: user.apiKey, publicKeyPem: user.publicKeyPem }] });
  try {
    const ours = createFireblocksClient({ baseUrl: sim.baseUrl, apiKey: user.apiKey, privateKey: user.privateKeyPem });
    const sdk = new Fireblocks({ apiKey: user.apiKey, secretKey: user.privateKeyPem, basePath: sim.baseUrl });
    const runOurs = async () => void (await ours.listCosigners({ pageSize: PAGE_SIZE }));
    const runSdk = async () => {
      const r = await sdk.cosignersBeta.getCosigners({ pageSize: PAGE_SIZE });
      if (r.statusCode !== 200) throw new Error(`SDK got HTTP ${r.statusCode}`);
    };
    const batch = (fn: () => Promise<void>, into?: Sample) => async () => {
      const start = performance.now();
      for (let i = 0; i < BATCH; i++) {
        const t0 = performance.now();
        await fn();
        into?.latencies.push(performance.now() - t0);
      }
      if (into) into.busyMs += performance.now() - start;
    };
    await interleave(Math.ceil(WARM_UP / BATCH), [batch(runOurs), batch(runSdk)]);
    sim.clearLog();
    const a: Sample = { latencies: [], busyMs: 0 };
    const b: Sample = { latencies: [], busyMs: 0 };
    await interleave(ROUNDS, [batch(runOurs, a), batch(runSdk, b)]);
    const refused = sim.requestLog().filter((e) => e.status !== 200).length;
    if (refused) throw new Error(`${refused} requests were not answered 200; the comparison is void`);

    const rps = (s: Sample) => (s.latencies.length / s.busyMs) * 1000;
    return printSection(`list call vs official SDK, ${ROUNDS * BATCH} requests each, pageSize ${PAGE_SIZE}`, [
      { metric: 'list p50', unit: 'ms', ours: percentile(a.latencies, 50), baseline: percentile(b.latencies, 50), baselineLabel: 'SDK', target: { max: 1.0 } },
      { metric: 'list p99', unit: 'ms', ours: percentile(a.latencies, 99), baseline: percentile(b.latencies, 99), baselineLabel: 'SDK' },
      { metric: 'throughput', unit: 'req/s', ours: rps(a), baseline: rps(b), baselineLabel: 'SDK' },
    ]);
  } finally {
    await sim.close();
  }
}
