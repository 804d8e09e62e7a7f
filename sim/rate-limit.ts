/**
 * Fireblocks' rate limits as the simulator plays them: per API user, per category (reads and writes apart, as
 * Fireblocks counts its `read` and `write` rate-limit categories apart), so many requests per window; past that a
 * 429 with `Retry-After` (the seconds left in the window). Off unless set (`SimulatorOptions.rateLimit`, or the
 * control route `POST /_sim/rate-limit`), so every other test sees no limit at all.
 */
export interface RateLimit {
  /** Requests one API user may make per category within a window. */
  requests: number;
  windowMs: number;
}

type Category = 'read' | 'write';

export class RateLimits {
  private limit: RateLimit | null = null;
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  set(limit: RateLimit | null): void {
    this.limit = limit;
    this.windows.clear();
  }

  current(): RateLimit | null {
    return this.limit;
  }

  /** Counts one request; the seconds to wait when it is over the limit, else null. */
  take(apiKey: string, method: string, nowMs: number): number | null {
    if (!this.limit) return null;
    const category: Category = method === 'GET' ? 'read' : 'write';
    const key = `${apiKey}\n${category}`;
    let window = this.windows.get(key);
    if (!window || nowMs - window.startMs >= this.limit.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit.requests) return null;
    return Math.max(1, Math.ceil((window.startMs + this.limit.windowMs - nowMs) / 1000));
  }
}
