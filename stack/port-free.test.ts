import { createServer } from 'node:net';

import { describe, expect, it } from 'vitest';

import { assertPortFree } from './port-free';

describe('assertPortFree', () => {
  it('passes for a free port and names a taken one', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, r));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(assertPortFree(port, 'the app')).rejects.toThrow(`port ${port} (the app) is already in use`);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
    await expect(assertPortFree(port, 'the app')).resolves.toBeUndefined();
  });
});
