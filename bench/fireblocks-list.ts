import { Fireblocks } from '@fireblocks/ts-sdk';

import { createFireblocksClient } from '@/lib/fireblocks/client';
import { startSimulator } from '@/sim/index';

import { benchApiUser } from './fireblocks-setup';
import { PAIRED_REQUESTS, pairedLatencyRows, sdkListCosigners } from './paired-latency';
import { printSection, type BenchOutcome } from './report';

const PAGE_SIZE = 10;

/**
 * Our listCosigners against the official SDK's getCosigners, same page size, both signing with the same RSA-4096
 * key, against the simulator on loopback (in this process: it costs both sides the same); see pairedLatencyRows.
 */
export async function benchFireblocksList(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const sim = await startSimulator({ port: 0, apiUsers: [{ apiKey: user.apiKey, publicKeyPem: user.publicKeyPem }] });
  try {
    const ours = createFireblocksClient({ baseUrl: sim.baseUrl, apiKey: user.apiKey, privateKey: user.privateKeyPem });
    const sdk = new Fireblocks({ apiKey: user.apiKey, secretKey: user.privateKeyPem, basePath: sim.baseUrl });
    const runOurs = async () => void (await ours.listCosigners({ pageSize: PAGE_SIZE }));
    const rows = await pairedLatencyRows({
      prefix: 'list',
      ours: runOurs,
      baseline: sdkListCosigners(sdk, PAGE_SIZE),
      baselineLabel: 'SDK',
      p50Max: 1.0,
    });
    // Warm-up included: every request must have been accepted, or the comparison measures rejections.
    const refused = sim.requestLog().filter((e) => e.status !== 200).length;
    if (refused) throw new Error(`${refused} requests were not answered 200; the comparison is void`);

    return printSection(`list call vs official SDK, ${PAIRED_REQUESTS} requests each, pageSize ${PAGE_SIZE}`, rows);
  } finally {
    await sim.close();
  }
}
