// Public entry of the Fireblocks simulator (see sim/README.md).
export { startSimulator } from './server';
export { seedSummary, buildSeed, seedApiUsers, DEFAULT_SEED } from './seed';
export type { SeedSummary } from './seed';
export type * from './types';
