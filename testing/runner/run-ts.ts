import { spawn } from 'node:child_process';

import { REPO_ROOT } from '../../stack/dev-stack';

export interface TsRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript file of this repository in its own Node process, as the npm scripts do (tsx, with the
 * react-server condition so lib/ modules' `server-only` marker resolves to nothing). `env` is added to this
 * process's environment.
 */
export function runTsFile(file: string, args: string[], env: Record<string, string | undefined> = {}): Promise<TsRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
