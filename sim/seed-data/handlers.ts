import type { CallbackHandler } from '../types';
import { derivedHex, derivedInt } from './derive';
import { SEED_EC_PUBLIC_KEY, SEED_RSA_PUBLIC_KEYS } from './public-keys';

type HandlerKind = 'publicKey' | 'cert' | 'none';

/** Keys 0-2 of every cosigner cover the three kinds, so each cosigner shows each; key 3 has a public key
 * (an EC one on Nitro); the rest vary with the seed. */
function handlerKind(seed: number, label: string, index: number): HandlerKind {
  if (index === 0 || index === 3) return 'publicKey';
  if (index === 1) return 'cert';
  if (index === 2) return 'none';
  const kinds: HandlerKind[] = ['publicKey', 'publicKey', 'publicKey', 'cert', 'cert', 'none'];
  return kinds[derivedInt(seed, `${label}:kind`, kinds.length)] ?? 'none';
}

function handlerUrl(seed: number, label: string, team: string): string {
  const base = `https://callbacks.${team}.acme-capital.example`;
  // A few handlers carry the route the Co-signer appends itself: real misconfigurations the console flags.
  const paths = ['/fireblocks', '/cosigner/callback', '/fireblocks/callback-handler', '/fireblocks/v2/tx_sign_request'];
  const pick = derivedInt(seed, `${label}:path`, 25);
  return base + (pick === 0 ? paths[3] : paths[pick % 3]);
}

export function seedHandler(
  seed: number,
  label: string,
  team: string,
  index: number,
  isNitro: boolean,
): CallbackHandler | undefined {
  const kind = handlerKind(seed, label, index);
  if (kind === 'none') return undefined;
  const url = handlerUrl(seed, label, team);
  if (kind === 'cert') return { url, certPublicKeyHash: derivedHex(seed, `${label}:cert`, 64) };
  // Newer Nitro builds also accept ES256 handler keys: one per Nitro cosigner shows that case.
  const publicKey =
    isNitro && index === 3
      ? SEED_EC_PUBLIC_KEY
      : SEED_RSA_PUBLIC_KEYS[derivedInt(seed, `${label}:pk`, SEED_RSA_PUBLIC_KEYS.length)];
  return { url, publicKey };
}
