// Public entry of the Fireblocks simulator (see sim/README.md).
export { startSimulator } from './server';
export { seedSummary, largeSeedSummary, buildSeed, seedApiUsers, DEFAULT_SEED } from './seed';
export type { SeedSummary, LargeSeedSummary, KeyRef } from './seed';
export { AUDIT_EVENTS, keySubject } from './audit-log';
export { DEFAULT_DELAYS } from './core';
export type * from './types';
