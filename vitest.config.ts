// Unit tests: shared/ and electron/ logic in Node, the store on fake-indexeddb, components in a light DOM where needed.
import { defineConfig } from 'vitest/config';

export const unitConfig = defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
  },
});

export default unitConfig;
