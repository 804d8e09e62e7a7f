import { spawnManaged } from '../../stack/child';

export interface RunCommandOptions {
  name: string;
  command: string;
  args: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  cwd: string;
}

/** Runs a tool to completion with its output shown here; resolves with its exit code (null: killed by a signal). */
export async function runCommand(o: RunCommandOptions): Promise<number | null> {
  const child = spawnManaged({
    name: o.name,
    command: o.command,
    args: o.args,
    cwd: o.cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...o.env },
    output: 'inherit',
  });
  const code = await child.exited;
  // Reap anything the tool left running in its group (e.g. a worker that outlived a crash).
  await child.stop();
  return code;
}
