import type { SimLogEntry } from '@/sim/index';

/** Every request the simulator has received so far (its `/_sim/log` control route). */
export async function simLog(simUrl: string): Promise<SimLogEntry[]> {
  const res = await fetch(`${simUrl}/_sim/log`);
  if (!res.ok) throw new Error(`GET /_sim/log answered ${res.status}`);
  return (await res.json()) as SimLogEntry[];
}

/** Entries that arrived after `before` (a previous snapshot), matched by the simulator's request id. */
export function newEntries(before: SimLogEntry[], after: SimLogEntry[]): SimLogEntry[] {
  const seen = new Set(before.map((e) => e.requestId));
  return after.filter((e) => !seen.has(e.requestId));
}
