import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; in unit tests it is a no-op.
      'server-only': path.resolve(import.meta.dirname, 'testing/vitest/server-only-noop.ts'),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Spies and stubbed globals never leak from one test into the next. (Env stubs are not undone per test: suites
    // set their configuration once in beforeAll and undo it in afterAll.)
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'lib/**/*.test.ts',
            'sim/**/*.test.ts',
            'idp/**/*.test.ts',
            'app/**/*.test.ts',
            'components/**/*.test.ts',
            'scripts/**/*.test.ts',
            'stack/**/*.test.ts',
            'testing/**/*.test.ts',
            'tests/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // Component tests render real components in a DOM (happy-dom implements <dialog>'s showModal, jsdom does not).
        extends: true,
        test: {
          name: 'dom',
          include: ['components/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['testing/vitest/dom-setup.ts'],
        },
      },
    ],
  },
});
