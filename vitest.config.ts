import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; in unit tests it is a no-op.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-noop.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'sim/**/*.test.ts', 'idp/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
