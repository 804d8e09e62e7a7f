import { createFireblocksClient, type FireblocksClient } from '@/lib/fireblocks/client';
import { rsaTestKey } from '@/testing/fixtures/keys';
import { startSimulator, type Delays, type Simulator } from '@/sim/index';

export interface SimulatedFireblocks {
  sim: Simulator;
  /** Our client, signed as the simulator's one API user. */
  client: FireblocksClient;
}

/**
 * The real simulator on a random port, knowing one API user (`apiKey` with the process's 2048-bit test key), and our
 * client signed as that user, its retries waiting milliseconds rather than seconds.
 */
export async function startSimulatedFireblocks(apiKey: string, delays: Delays): Promise<SimulatedFireblocks> {
  const apiUser = rsaTestKey(2048);
  const sim = await startSimulator({
    port: 0,
    apiUsers: [{ apiKey, publicKeyPem: apiUser.publicPem }],
    delays,
  });
  const client = createFireblocksClient({
    baseUrl: sim.baseUrl,
    apiKey,
    privateKey: apiUser.privateKey,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return { sim, client };
}
