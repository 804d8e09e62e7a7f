/**
 * Nonces already accepted, each remembered only until its token's `exp` (+ skew) passes: after that the token
 * itself is refused as expired, so forgetting the nonce cannot let a replay through. Memory is therefore
 * bounded by the request rate times the 55 s window.
 */
export class NonceCache {
  private readonly until = new Map<string, number>();
  private lastSweepSec = 0;

  /** Records the nonce; false if it was already seen (a replay). */
  remember(nonce: string, forgetAfterSec: number, nowSec: number): boolean {
    this.sweep(nowSec);
    if (this.until.has(nonce)) return false;
    this.until.set(nonce, forgetAfterSec);
    return true;
  }

  has(nonce: string): boolean {
    return this.until.has(nonce);
  }

  get size(): number {
    return this.until.size;
  }

  /** Drops expired entries, at most once a second (a full pass; exp values are not ordered). */
  sweep(nowSec: number, force = false): void {
    if (!force && nowSec === this.lastSweepSec) return;
    this.lastSweepSec = nowSec;
    for (const [nonce, until] of this.until) {
      if (until < nowSec) this.until.delete(nonce);
    }
  }
}
