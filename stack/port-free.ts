import { createServer } from 'node:net';

/**
 * Fails with a clear message when something already listens on `port`: otherwise a server left over from another
 * run could answer the readiness check in place of the app being started.
 */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${what}) is already in use; stop what runs there or choose another port`
            : error.message,
        ),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** A loopback port that is free now (the system's choice), for a server started right after. */
export async function findFreePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned')),
      );
    });
  });
}
