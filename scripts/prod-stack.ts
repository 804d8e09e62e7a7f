import path from 'node:path';

import { REPO_ROOT } from '../stack/dev-stack';
import { runCommand } from '../testing/runner/run-command';
import { startTestStack, testAppEnv, type StackPorts } from '../testing/runner/test-stack';

export interface RunningApp {
  appUrl: string;
  simUrl: string;
  idpUrl: string;
  close(): Promise<void>;
}

/**
 * A production app for tools that look at it (screenshots, browser benches): the one a runner already started
 * (TEST_APP_URL, TEST_SIM_URL, TEST_IDP_URL), or a fresh test stack on `ports` after a fresh build: a build left from
 * older sources would picture or measure something that no longer exists. `extraEnv` goes to the fresh app only.
 */
export async function productionApp(ports: StackPorts, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const { TEST_APP_URL, TEST_SIM_URL, TEST_IDP_URL } = process.env;
  if (TEST_APP_URL && TEST_SIM_URL && TEST_IDP_URL) {
    return { appUrl: TEST_APP_URL, simUrl: TEST_SIM_URL, idpUrl: TEST_IDP_URL, close: () => Promise.resolve() };
  }
  const env = { ...testAppEnv(), ...extraEnv };
  const code = await runCommand({
    name: 'next build',
    command: path.join(REPO_ROOT, 'node_modules', '.bin', 'next'),
    args: ['build'],
    env,
    cwd: REPO_ROOT,
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code ?? 'signal'})`);
  const stack = await startTestStack(env, ports);
  return { appUrl: stack.appUrl, simUrl: stack.simUrl ?? '', idpUrl: stack.idpUrl ?? '', close: () => stack.close() };
}
