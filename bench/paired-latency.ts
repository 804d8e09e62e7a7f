import type { Fireblocks } from '@fireblocks/ts-sdk';

import { interleave } from './fireblocks-setup';
import { percentile, type BenchRow } from './report';

const WARM_UP = 40;
const ROUNDS = 20;
const BATCH = 20;

/** Requests each side makes in the measured rounds. */
export const PAIRED_REQUESTS = ROUNDS * BATCH;

interface Sample {
  latencies: number[];
  busyMs: number;
}

/** The official SDK's list call, the baseline of the latency sections. */
export const sdkListCosigners = (sdk: Fireblocks, pageSize: number) => async () => {
  const r = await sdk.cosignersBeta.getCosigners({ pageSize });
  if (r.statusCode !== 200) throw new Error(`SDK got HTTP ${r.statusCode}`);
};

/**
 * Times `ours` against `baseline`: after a warm-up, sequential batches of each in rotating order; latency per request,
 * throughput as requests per second of the time each side's batches took. Returns p50 (judged against `p50Max`),
 * p99 and throughput rows named `${prefix} …`.
 */
export async function pairedLatencyRows(o: { prefix: string; ours: () => Promise<void>; baseline: () => Promise<void>; baselineLabel: string; p50Max: number }): Promise<BenchRow[]> {
  const batch = (fn: () => Promise<void>, into?: Sample) => async () => {
    const start = performance.now();
    for (let i = 0; i < BATCH; i++) {
      const t0 = performance.now();
      await fn();
      into?.latencies.push(performance.now() - t0);
    }
    if (into) into.busyMs += performance.now() - start;
  };
  await interleave(Math.ceil(WARM_UP / BATCH), [batch(o.ours), batch(o.baseline)]);
  const a: Sample = { latencies: [], busyMs: 0 };
  const b: Sample = { latencies: [], busyMs: 0 };
  await interleave(ROUNDS, [batch(o.ours, a), batch(o.baseline, b)]);
  const rps = (s: Sample) => (s.latencies.length / s.busyMs) * 1000;
  const label = o.baselineLabel;
  return [
    { metric: `${o.prefix} p50`, unit: 'ms', ours: percentile(a.latencies, 50), baseline: percentile(b.latencies, 50), baselineLabel: label, target: { max: o.p50Max } },
    { metric: `${o.prefix} p99`, unit: 'ms', ours: percentile(a.latencies, 99), baseline: percentile(b.latencies, 99), baselineLabel: label },
    { metric: `${o.prefix} throughput`, unit: 'req/s', ours: rps(a), baseline: rps(b), baselineLabel: label },
  ];
}
