import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../../stack/dev-stack';
import { countPlaywright, countVitest, withExitCode, type Counts } from './results';
import { runCommand } from './run-command';

const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
const REPORT_DIR = path.join(REPO_ROOT, 'test-results', 'reports');

/** Runs a tool that is not a test suite: passes or fails as a whole. */
export async function runTool(
  name: string,
  command: string,
  args: string[],
  env?: Record<string, string>,
): Promise<Counts | 'ok'> {
  const code = await runCommand({ name, command: bin(command), args, env, cwd: REPO_ROOT });
  return code === 0 ? 'ok' : { passed: 0, failed: 1, skipped: 0 };
}

/** `vitest run` over the given scope, counting from its JSON report. */
export async function runVitest(name: string, args: string[], env?: Record<string, string>): Promise<Counts> {
  const report = path.join(REPORT_DIR, `vitest-${name}.json`);
  rmSync(report, { force: true });
  const code = await runCommand({
    name: `vitest (${name})`,
    command: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
    env,
    cwd: REPO_ROOT,
  });
  return withExitCode(existsSync(report) ? countVitest(readJson(report)) : undefined, code);
}

/** Playwright over every project of a config (playwright.config.ts by default), counting from its JSON report. */
export async function runPlaywright(env: Record<string, string>, config?: string): Promise<Counts> {
  const report = path.join(REPORT_DIR, config ? `${path.basename(config, '.ts')}.json` : 'playwright.json');
  rmSync(report, { force: true });
  const code = await runCommand({
    name: 'playwright',
    command: bin('playwright'),
    args: ['test', ...(config ? ['--config', config] : [])],
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report },
    cwd: REPO_ROOT,
  });
  return withExitCode(existsSync(report) ? countPlaywright(readJson(report)) : undefined, code);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
