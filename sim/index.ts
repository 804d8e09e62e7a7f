// Public entry of the Fireblocks simulator (see sim/README.md).
export { startSimulator } from './server';
export { seedSummary, buildSeed, DEFAULT_SEED } from './seed';
export type { SeedSummary, KeyRef } from './seed';
export { DEFAULT_DELAYS } from './core';
export type * from './types';
