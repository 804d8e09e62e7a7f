import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export interface ManagedChild {
  name: string;
  pid: number;
  /** Resolves with the exit code (or null after a signal) when the child ends, for whatever reason. */
  exited: Promise<number | null>;
  /** Ends the child's whole process group: SIGTERM, then SIGKILL if it lingers. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SpawnManagedOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** `inherit` shows the child's output here; `{ file }` collects it in that file (kept for failure reports). */
  output: 'inherit' | { file: string };
  /** How long to wait after SIGTERM before SIGKILL. */
  graceMs?: number;
}

const live = new Set<ManagedChild>();

/**
 * Starts a child in its own process group, so stopping it also ends what it spawned (next dev/start run worker
 * processes). Every child is tracked and killed on exit, so an interrupted run leaves no orphans behind.
 */
export function spawnManaged(o: SpawnManagedOptions): ManagedChild {
  let fd: number | undefined;
  if (o.output !== 'inherit') {
    mkdirSync(path.dirname(o.output.file), { recursive: true });
    fd = openSync(o.output.file, 'w');
  }
  const proc = spawn(o.command, o.args, {
    cwd: o.cwd,
    env: o.env,
    detached: true,
    stdio: ['ignore', fd ?? 'inherit', fd ?? 'inherit'],
  });
  if (fd !== undefined) closeSync(fd);
  if (proc.pid === undefined) throw new Error(`${o.name}: could not start ${o.command}`);
  const pid = proc.pid;

  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code) => {
      done = true;
      resolve(code);
    });
    proc.once('error', () => {
      done = true;
      resolve(null);
    });
  });

  const child: ManagedChild = {
    name: o.name,
    pid,
    exited,
    async stop() {
      live.delete(child);
      if (!done) {
        killGroup(pid, 'SIGTERM');
        const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), o.graceMs ?? 5000).unref());
        await Promise.race([exited, timer]);
      }
      // The leader may be gone while workers it started are not: clear the whole group.
      killGroup(pid, 'SIGKILL');
      await exited;
    },
  };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Stops every child still running (used by signal handlers and the runners' finally blocks). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop()));
}

// Last resort when the parent exits without awaiting cleanup (uncaught error, process.exit): synchronous kills only.
process.once('exit', () => {
  for (const c of live) killGroup(c.pid, 'SIGKILL');
});
