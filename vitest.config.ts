// Unit tests: shared/ and electron/ logic in Node, the store on fake-indexeddb, components in a light DOM where needed.
import { defineConfig } from 'vitest/config';

export const unitConfig = defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    // The store's tests run on fake-indexeddb in Node; on the two-core build machine under a benchmark's load a
    // chunked write of a few hundred rows took over the 5 s default. A hung test still fails, later.
    testTimeout: 20_000,
  },
});

export default unitConfig;
