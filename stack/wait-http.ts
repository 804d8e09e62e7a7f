export interface WaitForHttpOptions {
  url: string;
  /** Give up after this long, naming the URL. */
  timeoutMs: number;
  /** Which answers count as ready; by default any 2xx. */
  ready?: (status: number) => boolean;
  /** Stop waiting early when this settles (the process that should answer has exited). */
  abort?: Promise<unknown>;
}

/** Polls a URL until it answers as expected: readiness of a freshly started server, not a sleep. */
export async function waitForHttp(o: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  const ready = o.ready ?? ((s: number) => s >= 200 && s < 300);
  let aborted = false;
  void o.abort?.then(() => {
    aborted = true;
  });
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (aborted) throw new Error(`stopped waiting for ${o.url}: the process serving it exited`);
    try {
      const res = await fetch(o.url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      await res.body?.cancel();
      if (ready(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${o.url} was not ready after ${Math.round(o.timeoutMs / 1000)} s (last: ${last})`);
}
