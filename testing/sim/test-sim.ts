// Starts a simulator on a random port with two generated API users, for the simulator's own tests.
import { rsaKeyPair } from '../fixtures/pem-fixtures';
import { startSimulator } from '../../sim/server';
import type { Simulator, SimulatorOptions } from '../../sim/types';
import { simCall, type CallOptions, type CallResult, type TestUser } from './sim-call';

export const USER_A_KEY = '0b6a5a8e-3c1f-4d2b-9e7a-1f2d3c4b5a6e';
export const USER_B_KEY = '7c9d8e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f';

export interface TestSim {
  sim: Simulator;
  userA: TestUser & { privateKey: string; publicKeyPem: string };
  userB: TestUser & { privateKey: string; publicKeyPem: string };
  /** Signed call as user A unless `user` is given. */
  call(o: Omit<CallOptions, 'user'> & { user?: TestUser }): Promise<CallResult>;
}

/** RSA-2048 keeps key generation fast; the simulator accepts any RSA size (the dev user is RSA-4096). */
export async function startTestSim(opts: Partial<SimulatorOptions> = {}): Promise<TestSim> {
  const a = rsaKeyPair(2048, 'sim-user-a');
  const b = rsaKeyPair(2048, 'sim-user-b');
  const userA = { apiKey: USER_A_KEY, privateKey: a.privateKeyPem, publicKeyPem: a.publicKeyPem };
  const userB = { apiKey: USER_B_KEY, privateKey: b.privateKeyPem, publicKeyPem: b.publicKeyPem };
  const sim = await startSimulator({
    port: 0,
    apiUsers: [
      { apiKey: userA.apiKey, publicKeyPem: userA.publicKeyPem },
      { apiKey: userB.apiKey, publicKeyPem: userB.publicKeyPem },
    ],
    ...opts,
  });
  return { sim, userA, userB, call: (o) => simCall(sim.url, { user: userA, ...o }) };
}

/** JSON control call (/_sim/...), unsigned. */
export async function control(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}
