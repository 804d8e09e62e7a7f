import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts on its own only with Vitest's globals on; they are off here.
afterEach(cleanup);
