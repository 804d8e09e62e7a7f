// npm test: every check in order, stopping at the first failure, ending with the line CI reads: "N passed, N failed".
import path from 'node:path';

import { REPO_ROOT, type Stack } from '../stack/dev-stack';
import { ensureChromium } from './ensure-chromium';
import { onShutdownSignal } from '../stack/on-signal';
import { startPostgres, type TestPostgres } from '../testing/runner/postgres';
import { closingLine, sum, type Counts } from '../testing/runner/results';
import { runPlaywright, runTool, runVitest } from '../testing/runner/steps';
import { startTestStack, testAppEnv, testEnvFor } from '../testing/runner/test-stack';

/** Tests that need the running app live under tests/ (API and security suites); everything else needs nothing. */
const STACK_TESTS_DIR = 'tests';
/** Vitest's file filter matches by path substring: the absolute folder path selects exactly tests/. */
const STACK_TESTS_FILTER = `${path.join(REPO_ROOT, STACK_TESTS_DIR)}/`;

interface StepResult {
  name: string;
  seconds: number;
  counts: Counts | 'ok';
  note?: string;
}

const results: StepResult[] = [];
let stack: Stack | undefined;
/** The store suite's PostgreSQL (each test makes its own database on it); SQLite needs nothing started. */
let postgres: TestPostgres | undefined;
const databaseEnv = (): Record<string, string> => (postgres ? { TEST_DATABASE_URL: postgres.url } : {});
onShutdownSignal(async () => {
  await stack?.close();
  await postgres?.stop();
});

async function step(name: string, run: () => Promise<Counts | 'ok'>): Promise<boolean> {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let counts: Counts | 'ok';
  let note: string | undefined;
  try {
    counts = await run();
  } catch (error) {
    counts = { passed: 0, failed: 1, skipped: 0 };
    note = error instanceof Error ? error.message : String(error);
    console.error(`\n${name} failed: ${note}`);
  }
  results.push({ name, seconds: (Date.now() - started) / 1000, counts, note });
  return counts === 'ok' || counts.failed === 0;
}

const appEnv = testAppEnv();
const ok =
  (await step('chromium', () => {
    console.log(ensureChromium());
    return Promise.resolve('ok' as const);
  })) &&
  (await step('typecheck', async () => {
    // Route types come from the app's files; regenerate them so a stale .next/types cannot fail (or pass) tsc.
    const gen = await runTool('next typegen', 'next', ['typegen']);
    return gen === 'ok' ? runTool('tsc', 'tsc', ['--noEmit']) : gen;
  })) &&
  (await step('lint', async () => {
    // Import order and the layer rules are eslint's (docs/architecture.md); unused exports are knip's.
    const lint = await runTool('eslint', 'eslint', ['--max-warnings=0', '.']);
    const format = lint === 'ok' ? await runTool('prettier', 'prettier', ['--check', '.']) : lint;
    return format === 'ok' ? runTool('knip', 'knip', ['--no-progress']) : format;
  })) &&
  (await step('postgres', async () => {
    postgres = await startPostgres();
    console.log(`test PostgreSQL at ${postgres.url}`);
    return 'ok';
  })) &&
  (await step('unit', () => runVitest('unit', ['--exclude', `${STACK_TESTS_DIR}/**`], databaseEnv()))) &&
  (await step('build', () => runTool('next build', 'next', ['build'], appEnv))) &&
  (await step('start stack', async () => {
    stack = await startTestStack(appEnv);
    console.log(`app ${stack.appUrl} (next start), simulator ${stack.simUrl ?? '-'}, dev IdP ${stack.idpUrl ?? '-'}`);
    return 'ok';
  })) &&
  (await step('integration', () =>
    runVitest('integration', [STACK_TESTS_FILTER], { ...testEnvFor(stack!, appEnv), ...databaseEnv() }),
  )) &&
  (await step('e2e', () => runPlaywright(testEnvFor(stack!, appEnv)))) &&
  (await step('standalone smoke', async () => {
    // The same build's `output: 'standalone'`, laid out and started as the Dockerfile's image runs it (its own
    // simulator and dev IdP); the production stack is done by now and stops to leave it the cores.
    await stack?.close();
    stack = undefined;
    return runPlaywright({}, 'playwright.standalone.config.ts');
  })) &&
  (await step('dev smoke', async () => {
    // `npm run dev` on its own ports (playwright.dev.config.ts starts and stops it); the production stack is
    // done by now, and stopping it leaves the two cores to the first compiles of `next dev`.
    await stack?.close();
    stack = undefined;
    return runPlaywright({}, 'playwright.dev.config.ts');
  }));

await stack?.close();
await postgres?.stop();
printSummary(ok);
process.exit(ok ? 0 : 1);

function printSummary(allPassed: boolean): void {
  const counted = results.map((r) => r.counts).filter((c): c is Counts => c !== 'ok');
  const total = sum(counted);
  console.log('\n━━ summary ━━');
  for (const r of results) {
    const c = r.counts;
    const status = c === 'ok' ? 'ok' : c.failed > 0 ? 'FAILED' : 'ok';
    const detail =
      c === 'ok' ? '' : ` (${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''})`;
    console.log(`  ${status.padEnd(6)} ${r.name.padEnd(12)} ${r.seconds.toFixed(1).padStart(6)} s${detail}`);
  }
  if (!allPassed) {
    const appLog = results.some((r) => r.name === 'start stack') ? ' (app log: test-results/stack/app.log)' : '';
    console.log(`  stopped at the first failure; see its output above${appLog}`);
  }
  if (total.skipped > 0) console.log(`  ${total.skipped} skipped`);
  console.log(closingLine(total));
}
