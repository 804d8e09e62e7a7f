import { createHash } from 'node:crypto';

// Everything "random" in the seed data is a hash of (seed, label): the same seed gives byte-identical data
// on every machine, and different labels never collide in practice.

function digest(seed: number, label: string): Buffer {
  return createHash('sha256').update(`fireblocks-sim:${seed}:${label}`).digest();
}

/** A version-4-shaped UUID derived from the seed and a label. */
export function derivedUuid(seed: number, label: string): string {
  const b = digest(seed, label);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A derived integer in [0, max). */
export function derivedInt(seed: number, label: string, max: number): number {
  return digest(seed, label).readUInt32BE(0) % max;
}

/** Derived lowercase hex of the given length (at most 64). */
export function derivedHex(seed: number, label: string, length: number): string {
  return digest(seed, label).toString('hex').slice(0, length);
}
