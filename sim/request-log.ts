import type { SimLogEntry } from './types';

/** Enough for any test or demo session; older entries are dropped so a long benchmark cannot grow memory. */
const MAX_LOG_ENTRIES = 10_000;

/**
 * Every request received under /v1 (control routes are not logged: reading the log would change it).
 *
 * A request is logged when its handling ends, which can be long after it arrived (an injected latency holds it). A
 * clear() forgets every request that arrived before it, including those still being handled then: each request takes
 * the log's generation when it arrives (`arrived()`), and an entry of an older generation is dropped when it ends.
 */
export class RequestLog {
  private entries: SimLogEntry[] = [];
  private generation = 0;

  /** The token a request arriving now hands to add() when it ends. */
  arrived(): number {
    return this.generation;
  }

  add(entry: SimLogEntry, arrivedIn: number): void {
    if (arrivedIn !== this.generation) return;
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
  }

  list(): SimLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
    this.generation += 1;
  }
}
