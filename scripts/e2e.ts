// npm run test:e2e [-- playwright args]: Playwright against the test stack (next start on the current build).
// `--build` builds first; TEST_APP_URL set means a stack is already running and is reused as is.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, type Stack } from '../stack/dev-stack';
import { ensureChromium } from './ensure-chromium';
import { onShutdownSignal } from '../stack/on-signal';
import { runCommand } from '../testing/runner/run-command';
import { startTestStack, testAppEnv, testEnvFor } from '../testing/runner/test-stack';

const args = process.argv.slice(2);
const build = args.includes('--build');
const playwrightArgs = args.filter((a) => a !== '--build');
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);

let stack: Stack | undefined;
onShutdownSignal(async () => stack?.close());

console.log(ensureChromium());
const appEnv = testAppEnv();
if (build || !existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'))) {
  const code = await runCommand({
    name: 'next build',
    command: bin('next'),
    args: ['build'],
    env: appEnv,
    cwd: REPO_ROOT,
  });
  if (code !== 0) process.exit(code ?? 1);
}
let env: Record<string, string> = {};
if (!process.env.TEST_APP_URL) {
  stack = await startTestStack(appEnv);
  env = testEnvFor(stack, appEnv);
  console.log(`app ${stack.appUrl}, simulator ${stack.simUrl ?? '-'}, dev IdP ${stack.idpUrl ?? '-'}`);
}
const code = await runCommand({
  name: 'playwright',
  command: bin('playwright'),
  args: ['test', ...playwrightArgs],
  env,
  cwd: REPO_ROOT,
});
await stack?.close();
process.exit(code ?? 1);
