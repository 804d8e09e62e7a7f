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
 * bytes with the same prepared RSA-4096 KeyObject, i.e. the floor. Ours signs on libuv's thread pool (see sign.ts), so
 * the judged floor is the bare call in the same form, with a callback; the synchronous call is shown beside it.
 * Samples are paired and rotated so all see the same machine load; jose's SignJWT and the official SDK's token
 * (jsonwebtoken, PEM re-parsed per call) are shown for scale.
 */
export async function benchFireblocksSigning(): Promise<BenchOutcome[]> {
  const user = benchApiUser();
  const key = createPrivateKey(user.privateKeyPem);
  const signJwt = createRequestSigner(user.apiKey, key);
  const sdkTokens = new BearerTokenProvider(user.apiKey, user.privateKeyPem);
  const uri = '/v1/cosigners?pageSize=10&order=DESC';
  const token = await signJwt({ uri });
  const bytes = Buffer.from(token.slice(0, token.lastIndexOf('.')));

  const samples = {
    ours: [] as number[],
    bare: [] as number[],
    sync: [] as number[],
    sdk: [] as number[],
    jose: [] as number[],
  };
  const timed = (into: number[], fn: () => unknown) => async () => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  const ours = () => signJwt({ uri });
  const bare = () =>
    new Promise<Buffer>((resolve, reject) => sign('sha256', bytes, key, (e, sig) => (e ? reject(e) : resolve(sig))));
  const sync = () => sign('sha256', bytes, key);
  const sdk = () => sdkTokens.getToken('GET', `http://127.0.0.1${uri}`);
  // The same claims through jose's SignJWT, the other candidate for a thin client.
  const jose = () =>
    new SignJWT({ uri, nonce: crypto.randomUUID(), bodyHash: '' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('29s')
      .setSubject(user.apiKey)
      .sign(key);
  await interleave(WARM_UP, [ours, bare, sync, sdk, jose]);
  await interleave(SAMPLES, [
    timed(samples.ours, ours),
    timed(samples.bare, bare),
    timed(samples.sync, sync),
    timed(samples.sdk, sdk),
    timed(samples.jose, jose),
  ]);

  const p50 = (s: number[]) => percentile(s, 50);
  const mean = (s: number[]) => s.reduce((a, b) => a + b, 0) / s.length;
  return printSection(`signing, RSA-4096, ${SAMPLES} paired samples`, [
    {
      metric: 'sign p50',
      unit: 'ms',
      ours: p50(samples.ours),
      baseline: p50(samples.bare),
      baselineLabel: 'bare crypto.sign',
      target: { max: 1.05 },
    },
    {
      metric: 'sign mean',
      unit: 'ms',
      ours: mean(samples.ours),
      baseline: mean(samples.bare),
      baselineLabel: 'bare crypto.sign',
    },
    {
      metric: 'sign p50 vs synchronous',
      unit: 'ms',
      ours: p50(samples.ours),
      baseline: p50(samples.sync),
      baselineLabel: 'sync crypto.sign',
    },
    {
      metric: 'jose SignJWT p50',
      unit: 'ms',
      ours: p50(samples.jose),
      baseline: p50(samples.sync),
      baselineLabel: 'sync crypto.sign',
    },
    {
      metric: 'SDK token p50',
      unit: 'ms',
      ours: p50(samples.sdk),
      baseline: p50(samples.sync),
      baselineLabel: 'sync crypto.sign',
    },
  ]);
}
