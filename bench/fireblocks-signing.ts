import { createPrivateKey, sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { BearerTokenProvider } from '@fireblocks/ts-sdk/dist/network/bearerTokenProvider';
import { SignJWT } from 'jose';

import { createRequestSigner } from '@/lib/fireblocks/sign';

import { benchApiUser, interleave } from './fireblocks-setup';
import { percentile, printSection, type BenchOutcome } from './report';

const SAMPLES = 250;
const WARM_UP = 20;

/**
 * Our per-request signing (claims, nonce, body hash, base64url, RS256) against a bare `crypto.sign` of the same
 * bytes with the same prepared RSA-4096 KeyObject, i.e. the floor. Samples are paired and rotated so both see
 * the same machine load; jose's SignJWT and the official SDK's token (jsonwebtoken, PEM
 * re-parsed per call) are shown for scale.
 */
export async function benchFireblocksSigning(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const key = createPrivateKey(user.privateKeyPem);
  const signJwt = createRequestSigner(user.apiKey, key);
  const sdkTokens = new BearerTokenProvider(user.apiKey, user.privateKeyPem);
  const uri = '/v1/cosigners?pageSize=10&order=DESC';
  const token = signJwt({ uri });
  const bytes = Buffer.from(token.slice(0, token.lastIndexOf('.')));

  const samples = { ours: [] as number[], bare: [] as number[], sdk: [] as number[], jose: [] as number[] };
  const timed = (into: number[], fn: () => unknown) => async () => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  const ours = () => signJwt({ uri });
  const bare = () => sign('sha256', bytes, key);
  const sdk = () => sdkTokens.getToken('GET', `http://127.0.0.1${uri}`);
  // The same claims through jose's SignJWT, the other candidate for a thin client.
  const jose = () =>
    new SignJWT({ uri, nonce: crypto.randomUUID(), bodyHash: '' }).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).setIssuedAt().setExpirationTime('29s').setSubject(user.apiKey).sign(key);
  await interleave(WARM_UP, [ours, bare, sdk, jose]);
  await interleave(SAMPLES, [timed(samples.ours, ours), timed(samples.bare, bare), timed(samples.sdk, sdk), timed(samples.jose, jose)]);

  const p50 = (s: number[]) => percentile(s, 50);
  const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
  return printSection(`signing, RSA-4096, ${SAMPLES} paired samples`, [
    { metric: 'sign p50', unit: 'ms', ours: p50(samples.ours), baseline: p50(samples.bare), baselineLabel: 'bare crypto.sign', target: { max: 1.05 } },
    { metric: 'sign mean', unit: 'ms', ours: mean(samples.ours), baseline: mean(samples.bare), baselineLabel: 'bare crypto.sign' },
    { metric: 'jose SignJWT p50', unit: 'ms', ours: p50(samples.jose), baseline: p50(samples.bare), baselineLabel: 'bare crypto.sign' },
    { metric: 'SDK token p50', unit: 'ms', ours: p50(samples.sdk), baseline: p50(samples.bare), baselineLabel: 'bare crypto.sign' },
  ]);
}
