import { stopAllChildren } from './child';

/**
 * Ctrl-C, `kill` or a closed terminal run `cleanup` (stop the stack) and then every tracked child is ended,
 * before this process exits with the conventional 128+signal code.
 */
export function onShutdownSignal(cleanup: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals, code: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping...\n`);
    void cleanup()
      .catch(() => undefined)
      .then(stopAllChildren)
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', () => handle('SIGINT', 130));
  process.on('SIGTERM', () => handle('SIGTERM', 143));
  process.on('SIGHUP', () => handle('SIGHUP', 129));
}
