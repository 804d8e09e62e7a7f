import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import nextVitals from 'eslint-config-next/core-web-vitals';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      '.dev/**',
      'screenshots/**',
    ],
  },
  ...nextVitals,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts', '**/*.tsx'] })),
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-assertions': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
];
// One validated module reads the environment; the app's other code asks it.
const envRule = {
  files: ['app/**', 'components/**', 'lib/**'],
  ignores: ['lib/config/env.ts'],
  rules: {
    'no-restricted-properties': [
      'error',
      { object: 'process', property: 'env', message: 'Read configuration through lib/config/env.ts.' },
    ],
  },
};

/**
 * Layers, as docs/architecture.md draws them: each folder of lib/ imports only the folders before it in this list.
 * lib/page-paths.ts, a leaf, comes first.
 */
const LIB_LAYERS = [
  'page-paths.ts',
  'errors',
  'log',
  'runtime',
  'security',
  'change-model',
  'config',
  'metrics',
  'callback-handler',
  'preflight',
  'fireblocks',
  'db',
  'worker',
  'audit',
  'cosigners',
  'search',
  'auth',
  'notify',
  'changes',
  'findings',
  'inbox',
  'api-routes',
  'lifecycle',
  'monitoring',
  'queries',
];
/** Feature folders of components/: each a leaf that imports only components/ui and lib/. */
const FEATURES = [
  'account',
  'audit',
  'callback-handler',
  'changes',
  'cosigner-list',
  'cosigner-page',
  'errors',
  'findings',
  'inbox',
  'key-page',
  'landing',
  'search',
  'shell',
];
const NOT_PRODUCT = ['testing', 'tests', 'e2e', 'e2e-dev', 'e2e-standalone', 'scripts', 'bench', 'sim', 'idp', 'stack'];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', '**/*.setup.ts'];
const dirs = (names) => names.map((n) => `./${n}`);

const libLayerZones = LIB_LAYERS.slice(0, -1).map((name, i) => ({
  target: `./lib/${name}`,
  from: LIB_LAYERS.slice(i + 1).map((above) => `./lib/${above}`),
  message: `lib/${name} sits below these in the layer order (docs/architecture.md): move the shared piece down.`,
}));
const layerZones = [
  ...libLayerZones,
  { target: './lib', from: dirs(['components', 'app']), message: 'lib/ never imports the UI or the routes.' },
  { target: './components', from: './app', message: 'components/ never imports app/.' },
];
// Tests may put two features side by side; product files may not.
const featureZones = [
  ...FEATURES.map((feature) => ({
    target: `./components/${feature}`,
    from: FEATURES.filter((f) => f !== feature).map((f) => `./components/${f}`),
    message: 'A feature folder is a leaf: move what two features share to components/ui.',
  })),
  {
    target: './components/ui',
    from: FEATURES.map((f) => `./components/${f}`),
    message: 'components/ui is shared: it never imports a feature folder.',
  },
];
const productZones = [
  {
    target: dirs(['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts']),
    from: dirs(NOT_PRODUCT),
    message: 'Product code never imports test support, tests, commands or the stand-ins (docs/architecture.md).',
  },
];
const testingZones = [
  {
    target: './testing',
    from: dirs(['scripts', 'bench', 'tests', 'e2e', 'e2e-dev', 'e2e-standalone']),
    message: 'Test support never imports commands or tests (docs/architecture.md).',
  },
  {
    target: './stack',
    from: dirs(['testing', 'scripts', 'bench', 'tests', 'e2e', 'e2e-dev', 'e2e-standalone']),
    message: 'The stack starter sits below test support and the commands.',
  },
];
const standInZones = [
  {
    target: dirs(['sim', 'idp']),
    from: dirs(['testing', 'stack', 'scripts', 'bench', 'tests', 'e2e', 'e2e-dev', 'e2e-standalone']),
    message: 'The simulator and the dev IdP import only lib/.',
  },
];

// Import order (server-only → react → next → third-party → @/ → relative) and the layer rules, with one plugin:
// import-x resolves `@/` through tsconfig.json for both.
const importRules = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/internal-regex': '^@/',
    },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [
            { pattern: 'react', group: 'external', position: 'before' },
            { pattern: 'react-dom{,/**}', group: 'external', position: 'before' },
            { pattern: 'next{,/**}', group: 'external', position: 'before' },
          ],
          pathGroupsExcludedImportTypes: [],
          distinctGroup: false,
          'newlines-between': 'ignore',
        },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...testingZones] }],
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones, ...productZones] }] },
  },
  {
    files: ['sim/**', 'idp/**'],
    ignores: TEST_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: standInZones }] },
  },
];

const eslintConfig = [...config, envRule, ...importRules];

export default eslintConfig;
