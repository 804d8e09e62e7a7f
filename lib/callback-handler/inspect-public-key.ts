import 'server-only';

import { createPublicKey } from 'node:crypto';

import type { KeyObject } from 'node:crypto';
import { describeKey, keyPhrase } from './describe-key';
import { spkiFingerprint } from './fingerprint';
import { checkPem, normalizePem } from './pem-rules';

export interface PublicKeyInspection {
  algorithm: string;
  sizeBits: number | null;
  /** Hex SHA-256 of the SPKI DER (the app's one fingerprint format). */
  fingerprintSha256: string;
}

export interface PublicKeyResult {
  info?: PublicKeyInspection;
  error?: string;
}

/** Fireblocks accepts RSA 2048-bit keys for callback authentication (docs/callback-handler-rules.md). */
const REQUIRED_BITS = 2048;

function readKey(pem: string): KeyObject | null {
  try {
    return createPublicKey(pem);
  } catch {
    // Node's message is not shown: it adds nothing a user can act on.
    return null;
  }
}

/**
 * What a pasted public key is, and why it is refused if it is. The PEM rules run first, so a
 * private key never reaches `createPublicKey` (which would derive its public half and accept it).
 */
export function inspectPublicKey(text: string): PublicKeyResult {
  const ruleError = checkPem(text, 'PUBLIC KEY');
  if (ruleError) return { error: ruleError };
  const key = readKey(normalizePem(text));
  if (!key) return { error: 'This PUBLIC KEY block could not be read as a key; the text may be damaged.' };
  const description = describeKey(key);
  const info = { ...description, fingerprintSha256: spkiFingerprint(key) };
  if (description.algorithm !== 'RSA' || description.sizeBits !== REQUIRED_BITS) {
    const what = keyPhrase(description);
    return { info, error: `This is ${what}; Fireblocks accepts RSA 2048-bit keys for callback authentication.` };
  }
  return { info };
}
