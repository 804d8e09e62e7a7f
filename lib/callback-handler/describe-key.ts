import 'server-only';

import type { KeyObject } from 'node:crypto';

export interface KeyDescription {
  /** e.g. `RSA`, `EC P-256`, `Ed25519`. */
  algorithm: string;
  /** Modulus length for RSA, curve size for EC; null when Node does not say. */
  sizeBits: number | null;
}

const CURVES: Record<string, { name: string; bits: number }> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
};

/** A human name and size for any key Node can parse, for the panel and for refusal messages. */
export function describeKey(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return { algorithm: 'RSA', sizeBits: details.modulusLength ?? null };
    case 'rsa-pss':
      return { algorithm: 'RSA-PSS', sizeBits: details.modulusLength ?? null };
    case 'ec': {
      const curve = CURVES[details.namedCurve ?? ''];
      return { algorithm: `EC ${curve?.name ?? details.namedCurve ?? ''}`.trim(), sizeBits: curve?.bits ?? null };
    }
    case 'ed25519':
      return { algorithm: 'Ed25519', sizeBits: 256 };
    case 'ed448':
      return { algorithm: 'Ed448', sizeBits: 456 };
    default:
      return { algorithm: (key.asymmetricKeyType ?? 'unknown').toUpperCase(), sizeBits: details.modulusLength ?? null };
  }
}

/** "an RSA 4096-bit key", "an EC P-256 key": for messages. */
export function keyPhrase({ algorithm, sizeBits }: KeyDescription): string {
  const size = algorithm === 'RSA' || algorithm === 'RSA-PSS' ? ` ${sizeBits ?? '?'}-bit` : '';
  const article = /^[AEIOR]/.test(algorithm) ? 'an' : 'a';
  return `${article} ${algorithm}${size} key`;
}
