import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function holderAlive(lockDir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding a directory lock (mkdir is atomic), so parallel test workers take turns. A lock whose
 * holder process is gone is taken over. Waits for the holder to finish rather than for a fixed time.
 */
export async function withDirLock<T>(lockDir: string, fn: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      // The holder may not have written its pid yet; only a lock with a dead holder is stale.
      await sleep(500);
      if (!holderAlive(lockDir)) {
        await sleep(500);
        if (!holderAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
      }
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
