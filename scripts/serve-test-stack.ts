// The test stack alone, in the foreground until Ctrl-C: for `npx playwright test` (its webServer) and for
// poking at what the tests see. Builds first when there is no production build.
import { existsSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../stack/dev-stack';
import { onShutdownSignal } from '../stack/on-signal';
import { runCommand } from '../testing/runner/run-command';
import { startTestStack, testAppEnv } from '../testing/runner/test-stack';

const appEnv = testAppEnv();
if (!existsSync(path.join(REPO_ROOT, '.next', 'BUILD_ID'))) {
  const code = await runCommand({
    name: 'next build',
    command: path.join(REPO_ROOT, 'node_modules', '.bin', 'next'),
    args: ['build'],
    env: appEnv,
    cwd: REPO_ROOT,
  });
  if (code !== 0) process.exit(code ?? 1);
}
const stack = await startTestStack(appEnv);
onShutdownSignal(() => stack.close());
console.log(`test stack: app ${stack.appUrl}, simulator ${stack.simUrl ?? '-'}, dev IdP ${stack.idpUrl ?? '-'}`);
const code = await stack.app.exited;
await stack.close();
process.exit(code ?? 1);
