import type { Fireblocks } from '@fireblocks/ts-sdk';

import { interleave } from './fireblocks-setup';
import { percentile, type BenchRow } from './report';

const WARM_UP = 40;
const ROUNDS = 20;
const BATCH = 20;

/** Requests each side makes in the measured rounds. */
export const PAIRED_REQUESTS = ROUNDS * BATCH;

export interface LatencySample {
  latencies: number[];
  busyMs: number;
}

/** The official SDK's list call, the baseline of the latency sections. */
export const sdkListCosigners = (sdk: Fireblocks, pageSize: number) => async () => {
  const r = await sdk.cosignersBeta.getCosigners({ pageSize });
  if (r.statusCode !== 200) throw new Error(`SDK got HTTP ${r.statusCode}`);
};

/**
 * Times each of `fns`: after a warm-up, sequential batches of each in rotating order, so drift on a shared machine
 * reaches all of them alike. Latency per request, and the time each one's batches took.
 */
export async function timeInterleaved<K extends string>(
  fns: Record<K, () => Promise<void>>,
): Promise<Record<K, LatencySample>> {
  const names = Object.keys(fns) as K[];
  const samples = Object.fromEntries(names.map((k) => [k, { latencies: [], busyMs: 0 }])) as unknown as Record<
    K,
    LatencySample
  >;
  const batch = (k: K, record: boolean) => async () => {
    const start = performance.now();
    for (let i = 0; i < BATCH; i++) {
      const t0 = performance.now();
      await fns[k]();
      if (record) samples[k].latencies.push(performance.now() - t0);
    }
    if (record) samples[k].busyMs += performance.now() - start;
  };
  await interleave(
    Math.ceil(WARM_UP / BATCH),
    names.map((k) => batch(k, false)),
  );
  await interleave(
    ROUNDS,
    names.map((k) => batch(k, true)),
  );
  return samples;
}

/** p50 (judged against `p50Max` when given), p99 and throughput rows named `${prefix} …`, ours against the baseline. */
export function latencyRows(o: {
  prefix: string;
  ours: LatencySample;
  baseline: LatencySample;
  baselineLabel: string;
  p50Max?: number;
}): BenchRow[] {
  const rps = (s: LatencySample) => (s.latencies.length / s.busyMs) * 1000;
  const { ours: a, baseline: b, baselineLabel: label } = o;
  return [
    {
      metric: `${o.prefix} p50`,
      unit: 'ms',
      ours: percentile(a.latencies, 50),
      baseline: percentile(b.latencies, 50),
      baselineLabel: label,
      ...(o.p50Max === undefined ? {} : { target: { max: o.p50Max } }),
    },
    {
      metric: `${o.prefix} p99`,
      unit: 'ms',
      ours: percentile(a.latencies, 99),
      baseline: percentile(b.latencies, 99),
      baselineLabel: label,
    },
    { metric: `${o.prefix} throughput`, unit: 'req/s', ours: rps(a), baseline: rps(b), baselineLabel: label },
  ];
}

/** Times `ours` against `baseline` (timeInterleaved) and returns their latencyRows. */
export async function pairedLatencyRows(o: {
  prefix: string;
  ours: () => Promise<void>;
  baseline: () => Promise<void>;
  baselineLabel: string;
  p50Max: number;
}): Promise<BenchRow[]> {
  const s = await timeInterleaved({ ours: o.ours, baseline: o.baseline });
  return latencyRows({ ...o, ours: s.ours, baseline: s.baseline });
}
