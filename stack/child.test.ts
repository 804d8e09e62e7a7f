import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { spawnManaged } from './child';

/** Running (a killed process that nobody has reaped yet is a zombie: it runs nothing). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z';
  } catch {
    return false;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 50));

describe('spawnManaged', () => {
  it('stop() ends the child and what it started, even a process that ignores SIGTERM (no orphans)', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(g.pid);
      setInterval(() => {}, 1000);`;
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'child-')), 'out.log');
    const child = spawnManaged({
      name: 'tree',
      command: process.execPath,
      args: ['-e', script],
      env: process.env,
      output: { file: log },
      graceMs: 500,
    });
    let grandchild = NaN;
    while (Number.isNaN(grandchild)) {
      await tick();
      grandchild = parseInt(readFileSync(log, 'utf8'), 10);
    }
    expect(running(child.pid)).toBe(true);
    expect(running(grandchild)).toBe(true);

    await child.stop();
    await child.stop();
    expect(running(child.pid)).toBe(false);
    // SIGKILL was sent to the group before stop() resolved; the kernel finishes delivering it.
    while (running(grandchild)) await tick();
    expect(running(grandchild)).toBe(false);
  });
});
