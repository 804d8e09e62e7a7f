import { z } from 'zod';

import type { FaultConfig } from './types';

/** FaultConfig as accepted from the control route and the CLI (unknown fields refused: typos would be silent). */
export const faultConfigSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSec: z.number().int().min(0).max(86_400).optional(),
  drop: z.boolean().optional(),
  dropAfterHandling: z.boolean().optional(),
  malformedJson: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
  match: z
    .strictObject({ method: z.string().min(1).optional(), pathPrefix: z.string().startsWith('/').optional() })
    .optional(),
});

/** The active fault (one at a time; setting a new one replaces it) and how many uses it has left. */
export class Faults {
  private config: FaultConfig | null = null;
  private remaining: number | undefined;

  set(config: FaultConfig): void {
    this.config = faultConfigSchema.parse(config);
    this.remaining = this.config.times;
  }

  clear(): void {
    this.config = null;
    this.remaining = undefined;
  }

  current(): { config: FaultConfig; remaining?: number } | null {
    return this.config ? { config: this.config, remaining: this.remaining } : null;
  }

  /** The fault to apply to this request, consuming one use; null when none matches. */
  take(method: string, pathname: string): FaultConfig | null {
    const c = this.config;
    if (!c) return null;
    if (c.match?.method && c.match.method.toUpperCase() !== method.toUpperCase()) return null;
    if (c.match?.pathPrefix && !pathname.startsWith(c.match.pathPrefix)) return null;
    if (this.remaining !== undefined) {
      this.remaining -= 1;
      if (this.remaining <= 0) this.clear();
    }
    return c;
  }
}
