import type { SimLogEntry } from './types';

/** Enough for any test or demo session; older entries are dropped so a long benchmark cannot grow memory. */
const MAX_LOG_ENTRIES = 10_000;

/** Every request received under /v1 (control routes are not logged: reading the log would change it). */
export class RequestLog {
  private entries: SimLogEntry[] = [];

  add(entry: SimLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
  }

  list(): SimLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
