import 'server-only';

/**
 * One value per server process, whatever bundle asks. Next.js may load a module once per route bundle (and again
 * on a dev reload), so a module-level `let` can exist several times in one process; what must be shared by every
 * request of the process (the upstream budget, the read cache, the metrics registry) lives on globalThis instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const slot = Symbol.for(`cosigner-console.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[slot] ??= create());
}

/** The value if this process has made it already; never creates it. */
export function existingProcessWide<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<symbol, T | undefined>)[Symbol.for(`cosigner-console.${name}`)];
}
